// Demo quotes, wins and projects: a few hundred approved quotes over the last 36 months, a
// handful waiting for moderation, wins every month and projects with dated updates. Generated
// from a fixed seed so every fresh demo looks the same, and written with createMany to stay fast.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../lib/generated/prisma/client';
import type { QuoteAttribution, QuoteChannel } from '../lib/generated/prisma/enums';
import type { DemoOrganisation, DemoSeeder, DemoTeamSlug } from './demo';

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    // mulberry32: tiny, deterministic, good enough for demo data.
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = [
  'I just wanted to say thank you.',
  'Honestly the best customer service I have had in years.',
  'What a difference a helpful person makes.',
  'I was dreading this call, but I needn’t have been.',
  'Five stars, and I don’t give those out lightly.',
  'I have been a customer for twelve years and this was the best experience yet.',
  'Thank you, thank you, thank you!',
  'Really impressed.',
  'I expected to be passed from department to department.',
  'You made a stressful week a lot easier.',
];

const SPECIFICS: Record<DemoTeamSlug, string[]> = {
  'customer-care': [
    'My parcel went missing and it was found and re-sent the same afternoon.',
    'The replacement arrived the next morning, before I had even finished the return.',
    'She explained the warranty in plain words and sorted the repair in one call.',
    'He stayed on the chat until the app finally worked on my mother’s phone.',
    'The order had gone to my old address and it was redirected within the hour.',
    'I was walked through setting up the account step by step without once feeling stupid.',
    'The booking was moved to a day that suits my shifts, no fuss at all.',
    'A proper answer by email within twenty minutes, on a Sunday.',
    'They spotted that I had been sent the wrong size before I even asked.',
    'The delivery slot was changed and the driver was told about the side gate.',
    'My complaint was taken seriously and someone actually called me back as promised.',
    'The return label came straight through and the refund was on my card two days later.',
  ],
  'billing-support': [
    'The double charge was refunded while I was still on the phone.',
    'The invoice finally makes sense to me after that explanation.',
    'A payment plan was set up that I can actually afford.',
    'The late fee was waived and it was explained how to avoid it next time.',
    'Our company’s VAT details were corrected on every invoice back to January.',
    'I was told exactly when the credit would appear, and it did.',
    'She noticed we were on the wrong tariff and moved us to a cheaper one.',
    'The direct debit mix-up was fixed in one email.',
    'He went through three months of statements with me line by line.',
    'Our purchase order numbers now appear on the invoices, which our finance team loves.',
    'The refund for the cancelled subscription came through the same day.',
    'I was called back with the answer exactly when promised.',
  ],
};

const CLOSERS = [
  'Please pass this on.',
  'Whoever trained your team deserves a raise.',
  'I will be recommending you.',
  'Brilliant service.',
  'Thanks again!',
  '',
  '',
  '',
];

const NAMES = [
  'Margaret Holloway',
  'Dev Patel',
  'Lucía Romero',
  'Tomasz Nowak',
  'Aisha Bello',
  'Henrik Lund',
  'Claire O’Neill',
  'Yusuf Demir',
  'Beatriz Santos',
  'Oliver Grant',
  'Mei Chen',
  'Kwame Mensah',
];
const ORGANISATIONS = [
  'Harbour Dental',
  'Northwind Logistics',
  'Greenfield Primary School',
  'Bright Bakery',
  'Atlas Architects',
  'Riverside Vets',
  'Kestrel Cycles',
  'Maple Lodge Care Home',
  'Blue Fern Studio',
  'Orchard Lane Pharmacy',
];
const CHANNELS: QuoteChannel[] = ['PHONE', 'EMAIL', 'CHAT', 'PHONE', 'EMAIL', 'CHAT', 'SOCIAL', 'MESSAGING', 'OTHER'];

const WINS: Record<DemoTeamSlug, { title: string; story: string }[]> = {
  'customer-care': [
    {
      title: 'Record first-contact resolution',
      story: 'We solved **87%** of contacts at the first touch this month, our best ever.',
    },
    {
      title: 'Backlog cleared before the holidays',
      story:
        'Every open email was answered before the office closed. Thank you to everyone who stayed flexible with shifts.',
    },
    {
      title: 'New starter fully trained',
      story: 'Our newest colleague took their first solo calls after only two weeks of shadowing.',
    },
    {
      title: 'Knowledge base refresh',
      story:
        'We rewrote the 20 most-read help articles in plain language:\n\n- shorter steps\n- screenshots updated\n- a “still stuck?” link on every page',
    },
    {
      title: 'Lost parcel recovered for a care home',
      story:
        'A delivery of medical supplies went astray; the team tracked it down and arranged a courier the same evening.',
    },
    {
      title: 'Chat wait time halved',
      story: 'Average chat wait dropped from 4 minutes to under 2 after we rebalanced the rota.',
    },
    {
      title: 'Accessibility callback service',
      story: 'Customers who find phone menus hard can now book a callback at a time that suits them.',
    },
  ],
  'billing-support': [
    { title: 'Refund queue at zero', story: 'Every refund request was processed within **48 hours** all month.' },
    {
      title: 'Invoice error found upstream',
      story: 'We spotted a rounding bug affecting 300 invoices and worked with Finance to fix it before the next run.',
    },
    {
      title: 'Payment plans for struggling customers',
      story: 'We set up 42 affordable payment plans, keeping customers with us instead of in collections.',
    },
    {
      title: 'VAT guide published',
      story: 'Our one-page guide to VAT on invoices is now linked from every business invoice email.',
    },
    {
      title: 'Direct debit failures down',
      story: 'Reminder emails three days before collection cut failed direct debits by a third.',
    },
    {
      title: 'Month-end without overtime',
      story: 'Better planning meant month-end closed on time with nobody working late.',
    },
  ],
};

const REJECTION_REASONS = [
  'The customer mentions another customer by name, so we cannot publish it. Could you submit just the first two sentences?',
  'This reads as feedback about the product rather than about our service. Please share it with the product team instead.',
];

function day(date: Date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function randomDayInMonth(rand: () => number, monthsAgo: number, now: Date) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  const lastDay =
    monthsAgo === 0
      ? now.getUTCDate()
      : new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1 + Math.floor(rand() * lastDay)));
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function teamMembers(org: DemoOrganisation, slug: DemoTeamSlug) {
  const teamId = org.teams[slug].id;
  return Object.values(org.users).filter((u) => u.teamId === teamId);
}

async function seedQuotes(db: PrismaClient, org: DemoOrganisation, rand: () => number) {
  const quotes: Prisma.QuoteCreateManyInput[] = [];
  const credits: { quoteId: string; userId: string }[] = [];
  for (const slug of Object.keys(org.teams) as DemoTeamSlug[]) {
    const members = teamMembers(org, slug);
    const leader = members.find((m) => m.role === 'LEADER')!;
    for (let monthsAgo = 35; monthsAgo >= 0; monthsAgo--) {
      const perMonth = 3 + Math.floor(rand() * 3);
      for (let i = 0; i < perMonth; i++) {
        const receivedOn = randomDayInMonth(rand, monthsAgo, org.now);
        const text = [pick(rand, OPENERS), pick(rand, SPECIFICS[slug]), pick(rand, CLOSERS)].filter(Boolean).join(' ');
        const roll = rand();
        const attribution: QuoteAttribution = roll < 0.3 ? 'NAMED' : roll < 0.6 ? 'ORGANISATION' : 'ANONYMOUS';
        const submitter = pick(rand, members);
        const id = randomUUID();
        const moderatedAt = new Date(receivedOn.getTime() + 2 * 86_400_000);
        quotes.push({
          id,
          teamId: org.teams[slug].id,
          submitterId: submitter.id,
          submissionKey: `demo-${id}`,
          text,
          attribution,
          consentRecordedAt: attribution === 'NAMED' ? receivedOn : null,
          customerName: attribution === 'NAMED' ? pick(rand, NAMES) : null,
          customerOrganisation:
            attribution === 'ANONYMOUS'
              ? null
              : attribution === 'ORGANISATION' || rand() < 0.5
                ? pick(rand, ORGANISATIONS)
                : null,
          channel: pick(rand, CHANNELS),
          receivedOn,
          sourceReference: `#${100000 + Math.floor(rand() * 900000)}`,
          status: 'APPROVED',
          // About one in four gets a pull-quote: the specific sentence, copied from the text.
          pullQuote: rand() < 0.25 ? (text.split(/(?<=[.!]) /)[1] ?? null) : null,
          moderatorId: leader.id,
          moderatedAt: moderatedAt > org.now ? org.now : moderatedAt,
          createdAt: receivedOn,
        });
        credits.push({ quoteId: id, userId: submitter.id });
        const other = pick(rand, members);
        if (other.id !== submitter.id && rand() < 0.3) credits.push({ quoteId: id, userId: other.id });
      }
    }
    // Waiting for moderation, recent, so the leaders' badge has something to count.
    const pendingCount = slug === 'customer-care' ? 5 : 2;
    for (let i = 0; i < pendingCount; i++) {
      const submitter =
        slug === 'customer-care' && i < 2
          ? org.users['agent@demo.test']!
          : pick(
              rand,
              members.filter((m) => m.role === 'AGENT'),
            );
      const id = randomUUID();
      const receivedOn = day(new Date(org.now.getTime() - i * 86_400_000));
      quotes.push({
        id,
        teamId: org.teams[slug].id,
        submitterId: submitter.id,
        submissionKey: `demo-${id}`,
        text: [pick(rand, OPENERS), pick(rand, SPECIFICS[slug]), pick(rand, CLOSERS)].filter(Boolean).join(' '),
        attribution: i % 2 ? 'ORGANISATION' : 'ANONYMOUS',
        customerOrganisation: i % 2 ? pick(rand, ORGANISATIONS) : null,
        channel: pick(rand, CHANNELS),
        receivedOn,
        sourceReference: `#${100000 + Math.floor(rand() * 900000)}`,
        status: 'PENDING',
        createdAt: receivedOn,
      });
      credits.push({ quoteId: id, userId: submitter.id });
    }
  }
  // Two rejected quotes for the demo agent, so "My submissions" shows every status.
  for (const reason of REJECTION_REASONS) {
    const id = randomUUID();
    const receivedOn = day(new Date(org.now.getTime() - 20 * 86_400_000));
    quotes.push({
      id,
      teamId: org.teams['customer-care'].id,
      submitterId: org.users['agent@demo.test']!.id,
      submissionKey: `demo-${id}`,
      text: 'Great service from Sam, unlike the last time when Jo Bloggs from your warehouse lost my order twice. The product itself is too heavy though.',
      attribution: 'ANONYMOUS',
      channel: 'EMAIL',
      receivedOn,
      status: 'REJECTED',
      moderatorId: org.users['leader@demo.test']!.id,
      moderationNote: reason,
      moderatedAt: org.now,
      createdAt: receivedOn,
    });
    credits.push({ quoteId: id, userId: org.users['agent@demo.test']!.id });
  }
  await db.quote.createMany({ data: quotes });
  await db.quoteCredit.createMany({ data: credits });
}

async function seedWins(db: PrismaClient, org: DemoOrganisation, rand: () => number) {
  const wins: {
    id: string;
    teamId: string;
    title: string;
    story: string;
    occurredOn: Date;
    recordedById: string;
    createdAt: Date;
  }[] = [];
  const credits: { winId: string; userId: string }[] = [];
  for (const slug of Object.keys(org.teams) as DemoTeamSlug[]) {
    const members = teamMembers(org, slug);
    for (let monthsAgo = 35; monthsAgo >= 0; monthsAgo--) {
      const perMonth = 1 + Math.floor(rand() * 2);
      for (let i = 0; i < perMonth; i++) {
        const win = pick(rand, WINS[slug]);
        const occurredOn = randomDayInMonth(rand, monthsAgo, org.now);
        const recorder = pick(rand, members);
        const id = randomUUID();
        wins.push({
          id,
          teamId: org.teams[slug].id,
          title: win.title,
          story: win.story,
          occurredOn,
          recordedById: recorder.id,
          createdAt: occurredOn,
        });
        const credited = new Set([recorder.id, pick(rand, members).id]);
        for (const userId of credited) credits.push({ winId: id, userId });
      }
    }
  }
  await db.win.createMany({ data: wins });
  await db.winCredit.createMany({ data: credits });
}

const PROJECTS: {
  team: DemoTeamSlug;
  owner: string;
  name: string;
  summary: string;
  status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'PAUSED';
  startMonthsAgo: number | null;
  targetMonthsAhead: number | null;
  updates: string[];
}[] = [
  {
    team: 'customer-care',
    owner: 'leader@demo.test',
    name: 'New chat tool',
    summary:
      'Moving live chat to a tool that shows the customer’s order history next to the conversation, so nobody has to ask for an order number twice.',
    status: 'IN_PROGRESS',
    startMonthsAgo: 5,
    targetMonthsAhead: 2,
    updates: [
      'Chose the vendor after a two-week trial with four agents.',
      'Integration with the order system tested.',
      'Migrated **40%** of chat to the new tool.',
      'Migrated 70% of chat; the old tool now handles only the weekend queue.',
    ],
  },
  {
    team: 'customer-care',
    owner: 'amira.haddad@demo.test',
    name: 'Self-service returns',
    summary: 'Customers print their own return label from their account instead of calling us.',
    status: 'DONE',
    startMonthsAgo: 14,
    targetMonthsAhead: -8,
    updates: [
      'Designed the returns flow with the web team.',
      'Pilot with 5% of customers: 60% fewer return calls.',
      'Live for everyone. Return calls are down by half.',
    ],
  },
  {
    team: 'customer-care',
    owner: 'grace.kim@demo.test',
    name: 'Weekend phone cover',
    summary: 'Opening the phone line on Saturday mornings, when a third of our web contacts arrive.',
    status: 'PLANNED',
    startMonthsAgo: null,
    targetMonthsAhead: 4,
    updates: ['Proposal agreed with HR; volunteers are signing up for the rota.'],
  },
  {
    team: 'billing-support',
    owner: 'billing.leader@demo.test',
    name: 'Plain-language invoices',
    summary:
      'Rewriting the invoice layout with Finance so customers understand every line without calling us.\n\n- one page\n- no internal codes\n- the total and due date at the top',
    status: 'IN_PROGRESS',
    startMonthsAgo: 3,
    targetMonthsAhead: 3,
    updates: [
      'Collected the 10 most asked invoice questions from our contacts.',
      'First draft tested with 12 customers; 11 found the total straight away.',
    ],
  },
  {
    team: 'billing-support',
    owner: 'tom.berg@demo.test',
    name: 'Payment plan callbacks',
    summary: 'Calling customers who miss a payment-plan instalment before the account goes to collections.',
    status: 'PAUSED',
    startMonthsAgo: 7,
    targetMonthsAhead: null,
    updates: [
      'Started calling customers two days after a missed instalment.',
      'Paused while the new dialler is installed; restarting next quarter.',
    ],
  },
];

async function seedProjects(db: PrismaClient, org: DemoOrganisation) {
  const monthShift = (months: number) =>
    day(new Date(Date.UTC(org.now.getUTCFullYear(), org.now.getUTCMonth() + months, 1)));
  const projects: Prisma.ProjectCreateManyInput[] = [];
  const updates: Prisma.ProjectUpdateCreateManyInput[] = [];
  for (const p of PROJECTS) {
    const id = randomUUID();
    const owner = org.users[p.owner]!;
    const leader = Object.values(org.users).find((u) => u.teamId === org.teams[p.team].id && u.role === 'LEADER')!;
    projects.push({
      id,
      teamId: org.teams[p.team].id,
      name: p.name,
      summary: p.summary,
      ownerId: owner.id,
      status: p.status,
      startOn: p.startMonthsAgo === null ? null : monthShift(-p.startMonthsAgo),
      targetOn: p.targetMonthsAhead === null ? null : monthShift(p.targetMonthsAhead),
      createdById: leader.id,
    });
    const span = (p.startMonthsAgo ?? 1) * 30;
    p.updates.forEach((body, i) => {
      const daysAgo = Math.round(span - ((i + 1) * span) / (p.updates.length + 1));
      updates.push({
        id: randomUUID(),
        teamId: org.teams[p.team].id,
        projectId: id,
        authorId: leader.id,
        postedOn: day(new Date(org.now.getTime() - daysAgo * 86_400_000)),
        body,
      });
    });
  }
  await db.project.createMany({ data: projects });
  await db.projectUpdate.createMany({ data: updates });
}

export const seedStories: DemoSeeder = async (db, org) => {
  const rand = random(20_240_601);
  await seedQuotes(db, org, rand);
  await seedWins(db, org, rand);
  await seedProjects(db, org);
};
