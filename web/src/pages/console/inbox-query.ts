/**
 * The inbox's view as the address holds it (`/console?status=needs_info&kind=friction&sort=age`,
 * or `/console?mine=1` for the ideas assigned to the reader), so a view can be shared as a link
 * and survives a reload. Pure: no DOM.
 */
import { INBOX_SORTS, INBOX_STATUSES, type InboxStatus } from '../../../../shared/domain/inbox.ts';
import { IDEA_KINDS, type IdeaKind } from '../../../../shared/domain/idea.ts';

export interface InboxView {
  status: InboxStatus;
  kind?: IdeaKind;
  department?: string;
  theme?: string;
  /** Only the ideas assigned to the reader (the API's `assignee=me`); never with kind, department or theme. */
  mine?: true;
  sort: (typeof INBOX_SORTS)[number];
  cursor?: string;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The view an address's query names; what it does not name (or names wrongly) is the default.
 * `mine=1` wins over kind, department and theme, which the list of one person's ideas has not.
 */
export function inboxViewOf(query: Readonly<Record<string, string | undefined>>): InboxView {
  const mine = query['mine'] === '1';
  const kind = mine ? undefined : oneOf(IDEA_KINDS, query['kind']);
  const department = mine ? undefined : text(query['department']);
  const theme = mine ? undefined : text(query['theme']);
  const cursor = text(query['cursor']);
  return {
    status: oneOf(INBOX_STATUSES, query['status']) ?? 'in_triage',
    sort: oneOf(INBOX_SORTS, query['sort']) ?? 'priority',
    ...(mine ? { mine: true } : {}),
    ...(kind === undefined ? {} : { kind }),
    ...(department === undefined ? {} : { department }),
    ...(theme === undefined ? {} : { theme }),
    ...(cursor === undefined ? {} : { cursor }),
  };
}

/** The address of a view: only what differs from the defaults, in a fixed order. */
export function inboxAddress(view: InboxView): string {
  const params = new URLSearchParams();
  if (view.status !== 'in_triage') params.set('status', view.status);
  if (view.mine === true) params.set('mine', '1');
  if (view.kind !== undefined) params.set('kind', view.kind);
  if (view.department !== undefined) params.set('department', view.department);
  if (view.theme !== undefined) params.set('theme', view.theme);
  if (view.sort !== 'priority') params.set('sort', view.sort);
  if (view.cursor !== undefined) params.set('cursor', view.cursor);
  const query = params.toString();
  return query === '' ? '/console' : `/console?${query}`;
}

/** The API's query for a view: its list, order and page (the page size is the caller's). */
export function inboxApiQuery(view: InboxView): { status: InboxView['status']; sort: InboxView['sort']; assignee?: 'me'; kind?: IdeaKind; department?: string; theme?: string; cursor?: string } {
  const { status, sort, kind, department, theme, cursor, mine } = view;
  return {
    status,
    sort,
    ...(mine === true ? { assignee: 'me' as const } : {}),
    ...(kind === undefined ? {} : { kind }),
    ...(department === undefined ? {} : { department }),
    ...(theme === undefined ? {} : { theme }),
    ...(cursor === undefined ? {} : { cursor }),
  };
}
