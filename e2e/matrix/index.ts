// Every area's rows. A new area adds its file here.
import { asks } from './asks';
import { deliveries } from './deliveries';
import { departments } from './departments';
import { editionCache } from './edition-cache';
import { figures } from './figures';
import { foundation } from './foundation';
import { impact } from './impact';
import { keptPages } from './kept-pages';
import { operations } from './operations';
import { profiles } from './profiles';
import { reach } from './reach';
import { reviews } from './reviews';
import { stories } from './stories';
import { trends } from './trends';
import type { MatrixArea } from './types';
import { yearReview } from './year-review';

export const AREAS: MatrixArea[] = [
  foundation,
  figures,
  stories,
  trends,
  reviews,
  operations,
  reach,
  deliveries,
  asks,
  impact,
  profiles,
  yearReview,
  editionCache,
  keptPages,
  departments,
];
