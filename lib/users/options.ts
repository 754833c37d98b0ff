import { ROLE_LABELS, ROLES } from '../authz';

export const roleOptions = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
