import { z } from 'zod';

const id = z.string().trim().min(1, 'Choose a person.').max(64);

export const erasePersonSchema = z.object({
  userId: id,
  confirmEmail: z.string().trim().min(1, 'Type their email address to confirm.').max(320),
});

export const removeCustomerNameSchema = z.object({ quoteId: z.string().trim().min(1, 'Choose a quote.').max(64) });
