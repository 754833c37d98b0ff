import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import { assertRole, type Actor } from '../authz';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '../errors';
import { resolveDepartmentId } from '../departments/departments';
import { env } from '../env';
import { generateOneTimePassword, hashPassword } from '../password';
import { SIGN_IN_MESSAGES, SignInRefused, verifyCurrentPassword, type SignInRefusal } from '../sign-in';
import { clearAccountBudgets } from '../throttle';
import { pageWindow } from '../paging';
import type { CreateUserInput, UpdateUserInput } from './schemas';

// The sign-in refusals, said of the current-password field.
const PASSWORD_CHECK_PAUSED: Record<Exclude<SignInRefusal, 'invalid'>, string> = {
  ...SIGN_IN_MESSAGES,
  throttled_pair: SIGN_IN_MESSAGES.throttled_pair.replace('Sign-in from here', 'Checking it from here'),
};

const publicUser = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  teamId: true,
  lastSignInAt: true,
  createdAt: true,
  team: { select: { id: true, name: true, slug: true } },
  department: { select: { name: true } },
} as const;

export const USERS_PAGE_SIZE = 50;

/** One page of users, active first, with the counts the page heading shows. */
export async function listUsers(actor: Actor, requestedPage = 1) {
  assertRole(actor, 'ADMIN');
  const [total, active] = await Promise.all([db.user.count(), db.user.count({ where: { active: true } })]);
  const { page, pageCount, skip, take } = pageWindow(requestedPage, total, USERS_PAGE_SIZE);
  const users = await db.user.findMany({
    select: publicUser,
    orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
    skip,
    take,
  });
  return { users, total, active, page, pageCount };
}

export async function getUserForAdmin(actor: Actor, userId: string) {
  assertRole(actor, 'ADMIN');
  const user = await db.user.findUnique({ where: { id: userId }, select: publicUser });
  if (!user) throw new NotFoundError('No such user.');
  return user;
}

async function assertTeamExists(teamId: string | null) {
  if (teamId && !(await db.team.findUnique({ where: { id: teamId }, select: { id: true } }))) {
    throw new ValidationError({ teamId: ['Choose a team from the list.'] });
  }
}

function oneTimePasswordExpiry(): Date {
  return new Date(Date.now() + env().ONE_TIME_PASSWORD_HOURS * 60 * 60 * 1000);
}

/** Creates the user with a one-time password, returned once and never stored in clear. */
export async function createUser(actor: Actor, input: CreateUserInput) {
  assertRole(actor, 'ADMIN');
  await assertTeamExists(input.teamId);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    const user = await db.$transaction(async (tx) => {
      const { department, ...fields } = input;
      const created = await tx.user.create({
        data: {
          ...fields,
          departmentId: await resolveDepartmentId(tx, department),
          passwordHash,
          passwordChangeRequired: true,
          oneTimePasswordExpiresAt: oneTimePasswordExpiry(),
        },
        select: publicUser,
      });
      await recordAudit(tx, {
        actor,
        action: 'user.create',
        entityType: 'User',
        entityId: created.id,
        after: {
          name: created.name,
          email: created.email,
          role: created.role,
          teamId: created.teamId,
          department: created.department?.name ?? null,
        },
      });
      return created;
    });
    return { user, oneTimePassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ email: ['A user with this email already exists.'] });
    throw error;
  }
}

// Every change that can take an admin away holds this transaction-scoped lock, so two admins
// demoting or deactivating each other at once are decided one after the other: the second sees
// the first's change and is refused. (Without it both count the other as the remaining admin.)
const LAST_ADMIN_LOCK = 7_270_001;
async function lockAdminChanges(tx: Pick<typeof db, '$queryRaw'>) {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${LAST_ADMIN_LOCK}::bigint)`;
}

async function assertNotLastAdmin(tx: Pick<typeof db, 'user'>, userId: string) {
  const admins = await tx.user.count({ where: { role: 'ADMIN', active: true, id: { not: userId } } });
  if (admins === 0) throw new ConflictError('This is the last active admin: make someone else an admin first.');
}

export async function updateUserRoleAndTeam(actor: Actor, input: UpdateUserInput) {
  assertRole(actor, 'ADMIN');
  await assertTeamExists(input.teamId);
  return db.$transaction(async (tx) => {
    await lockAdminChanges(tx);
    const before = await tx.user.findUnique({
      where: { id: input.userId },
      select: { role: true, teamId: true, active: true, department: { select: { name: true } } },
    });
    if (!before) throw new NotFoundError('No such user.');
    if (before.role === 'ADMIN' && input.role !== 'ADMIN' && before.active) await assertNotLastAdmin(tx, input.userId);
    const updated = await tx.user.update({
      where: { id: input.userId },
      data: {
        role: input.role,
        teamId: input.teamId,
        ...(input.department === undefined ? {} : { departmentId: await resolveDepartmentId(tx, input.department) }),
      },
      select: { role: true, teamId: true, department: { select: { name: true } } },
    });
    const after = { role: updated.role, teamId: updated.teamId, department: updated.department?.name ?? null };
    await recordAudit(tx, {
      actor,
      action: 'user.update',
      entityType: 'User',
      entityId: input.userId,
      before: { role: before.role, teamId: before.teamId, department: before.department?.name ?? null },
      after,
    });
    return after;
  });
}

export async function setUserActive(actor: Actor, userId: string, active: boolean) {
  assertRole(actor, 'ADMIN');
  return db.$transaction(async (tx) => {
    await lockAdminChanges(tx);
    const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true, role: true } });
    if (!before) throw new NotFoundError('No such user.');
    if (!active && before.role === 'ADMIN') await assertNotLastAdmin(tx, userId);
    // A new session version either way: reactivating someone never revives their old cookies.
    await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actor,
      action: active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'User',
      entityId: userId,
      before: { active: before.active },
      after: { active },
    });
  });
}

/**
 * Issues a fresh one-time password (a forgotten password, an invitation that was lost, or an account
 * strangers have been guessing at). It also clears the account's sign-in budgets, so a pause the
 * refusal message promised an admin could lift is lifted.
 */
export async function resetUserPassword(actor: Actor, userId: string) {
  assertRole(actor, 'ADMIN');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!exists) throw new NotFoundError('No such user.');
    await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        passwordChangeRequired: true,
        oneTimePasswordExpiresAt: oneTimePasswordExpiry(),
        sessionVersion: { increment: 1 },
      },
    });
    const budgetsCleared = await clearAccountBudgets(tx, exists.email);
    await recordAudit(tx, {
      actor,
      action: 'user.reset_password',
      entityType: 'User',
      entityId: userId,
      after: { budgetsCleared },
    });
  });
  return oneTimePassword;
}

export async function changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string, ip: string) {
  try {
    await verifyCurrentPassword(actor, currentPassword, ip);
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    const message =
      error.reason === 'invalid' ? 'That is not your current password.' : PASSWORD_CHECK_PAUSED[error.reason];
    throw new ValidationError({ currentPassword: [message] });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: {
        passwordHash,
        passwordChangeRequired: false,
        oneTimePasswordExpiresAt: null,
        sessionVersion: { increment: 1 },
      },
    });
    await recordAudit(tx, { actor, action: 'user.change_password', entityType: 'User', entityId: actor.id });
  });
}

/** Ends every session of the user on every device (a lost laptop, a shared computer). */
export async function signOutEverywhere(actor: Actor, userId: string) {
  assertRole(actor, 'ADMIN');
  await db.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!exists) throw new NotFoundError('No such user.');
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor, action: 'user.sign_out_everywhere', entityType: 'User', entityId: userId });
  });
}

/** Signing out ends this cookie and any other the user holds: they are all one session version. */
export async function endOwnSessions(actor: Actor) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor, action: 'auth.sign_out', entityType: 'User', entityId: actor.id });
  });
}

/**
 * Auth.js's own sign-out endpoint, for the cookie's user and version: ends every session of theirs
 * when that cookie is still current (active user, same version), else does nothing.
 */
export async function endSessionOfToken(userId: string, cookieVersion: number) {
  await db.$transaction(async (tx) => {
    const ended = await tx.user.updateMany({
      where: { id: userId, active: true, sessionVersion: cookieVersion },
      data: { sessionVersion: { increment: 1 } },
    });
    if (ended.count === 0) return;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
    await recordAudit(tx, {
      actor: user,
      action: 'auth.sign_out',
      entityType: 'User',
      entityId: userId,
      after: { via: 'api/auth/signout' },
    });
  });
}
