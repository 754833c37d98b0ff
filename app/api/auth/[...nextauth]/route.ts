import { authEndpoints } from '@/lib/auth-flow/endpoints';

export const { GET, POST } = authEndpoints;
