// Kept so existing imports keep working; the field lives with the others in field.tsx.
export { TextareaField } from './field';
