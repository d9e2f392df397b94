/**
 * What the fake Graph API knows: pages with their tokens and subscriptions, posts and comments, Messenger
 * and Instagram conversations, Instagram media and comments. Tests fill it (`addPost`, `addComment`,
 * `addMessage`, …) to play what citizens did while svarstid was away; the write endpoints change it as
 * Meta would. Times are epoch ms of the test's simulated clock.
 */
export interface FakePerson {
  readonly id: string;
  readonly name?: string;
  /** Instagram */
  readonly username?: string;
}

export interface FakePage {
  readonly id: string;
  readonly name: string;
  /** the connected Instagram professional account, when any */
  readonly igUserId?: string;
  /** page access tokens that work for this page */
  readonly tokens: Set<string>;
  /** permissions the tokens carry (pages_manage_engagement, pages_messaging, …); empty set = all */
  readonly permissions: Set<string>;
  /** whether the page may send HUMAN_AGENT tagged messages (App Review) */
  humanAgent: boolean;
  /** apps installed on the page (GET /{page-id}/subscribed_apps) */
  subscribedApps: Array<{ id: string; name: string; category: string; link: string }>;
}

export interface FakePost {
  readonly id: string;
  readonly pageId: string;
  readonly from: FakePerson;
  message?: string;
  readonly createdTime: number;
  updatedTime: number;
  deleted: boolean;
}

export interface FakeComment {
  readonly id: string;
  readonly postId: string;
  /** the post (top-level comment) or the parent comment */
  readonly parentId: string;
  readonly from: FakePerson;
  message: string;
  readonly createdTime: number;
  isHidden: boolean;
  deleted: boolean;
}

export interface FakeMessage {
  readonly id: string;
  readonly from: FakePerson;
  readonly to: FakePerson;
  readonly message: string;
  readonly createdTime: number;
  /** Send API: messaging_type / tag used, when the page sent it */
  readonly messagingType?: string;
  readonly tag?: string;
}

export interface FakeConversation {
  readonly id: string;
  readonly pageId: string;
  readonly platform: 'messenger' | 'instagram';
  readonly participant: FakePerson;
  readonly messages: FakeMessage[];
}

export interface FakeIgMedia {
  readonly id: string;
  readonly igUserId: string;
  readonly caption: string;
  readonly timestamp: number;
  readonly permalink: string;
}

export interface FakeIgComment {
  readonly id: string;
  readonly mediaId: string;
  readonly parentId?: string;
  readonly from: FakePerson;
  text: string;
  readonly timestamp: number;
  hidden: boolean;
  deleted: boolean;
}

export class GraphState {
  readonly pages = new Map<string, FakePage>();
  readonly posts = new Map<string, FakePost>();
  readonly comments = new Map<string, FakeComment>();
  readonly conversations = new Map<string, FakeConversation>();
  readonly igMedia = new Map<string, FakeIgMedia>();
  readonly igComments = new Map<string, FakeIgComment>();
  /** people who blocked the page or turned messages off (Send API answers 551) */
  readonly unreachable = new Set<string>();
  private seq = 1_500_000_000_000_000;

  nextId(): string {
    return String(++this.seq);
  }

  addPage(p: { id: string; name: string; token: string; igUserId?: string; permissions?: string[]; humanAgent?: boolean; subscribed?: boolean }): FakePage {
    const page: FakePage = {
      id: p.id,
      name: p.name,
      ...(p.igUserId !== undefined && { igUserId: p.igUserId }),
      tokens: new Set([p.token]),
      permissions: new Set(p.permissions ?? []),
      humanAgent: p.humanAgent ?? false,
      subscribedApps: p.subscribed === false ? [] : [{ id: '900000000000001', name: 'svarstid', category: 'Business', link: 'https://svarstid.example.se/' }],
    };
    this.pages.set(page.id, page);
    return page;
  }

  /** A post on the page: by the page itself, or a visitor post. Its id is `<page-id>_<n>` as Meta's are. */
  addPost(pageId: string, from: FakePerson, message: string, at: number): FakePost {
    const post: FakePost = { id: `${pageId}_${this.nextId()}`, pageId, from, message, createdTime: at, updatedTime: at, deleted: false };
    this.posts.set(post.id, post);
    return post;
  }

  /** A comment on a post, or a reply to a comment (`parentId` a comment id). Its id is `<post-part>_<n>`. */
  addComment(parentId: string, from: FakePerson, message: string, at: number): FakeComment {
    const parent = this.comments.get(parentId);
    const postId = parent ? parent.postId : parentId;
    const post = this.posts.get(postId);
    if (!post) throw new Error(`fake Graph API: no post ${postId}`);
    const comment: FakeComment = { id: `${postId.split('_')[1]}_${this.nextId()}`, postId, parentId, from, message, createdTime: at, isHidden: false, deleted: false };
    this.comments.set(comment.id, comment);
    post.updatedTime = Math.max(post.updatedTime, at);
    return comment;
  }

  conversationWith(pageId: string, platform: 'messenger' | 'instagram', participant: FakePerson): FakeConversation {
    for (const c of this.conversations.values()) if (c.pageId === pageId && c.platform === platform && c.participant.id === participant.id) return c;
    const c: FakeConversation = { id: `t_${this.nextId()}`, pageId, platform, participant, messages: [] };
    this.conversations.set(c.id, c);
    return c;
  }

  /** A message in a Messenger or Instagram conversation, from the citizen (`fromPage` false) or the page. */
  addMessage(pageId: string, platform: 'messenger' | 'instagram', citizen: FakePerson, text: string, at: number, fromPage = false, sent: { messagingType?: string; tag?: string } = {}): FakeMessage {
    const page = this.pages.get(pageId);
    if (!page) throw new Error(`fake Graph API: no page ${pageId}`);
    const pagePerson: FakePerson = platform === 'instagram' && page.igUserId ? { id: page.igUserId, username: page.name } : { id: page.id, name: page.name };
    const c = this.conversationWith(pageId, platform, citizen);
    const m: FakeMessage = {
      id: `m_${this.nextId()}`,
      from: fromPage ? pagePerson : citizen,
      to: fromPage ? citizen : pagePerson,
      message: text,
      createdTime: at,
      ...(sent.messagingType !== undefined && { messagingType: sent.messagingType }),
      ...(sent.tag !== undefined && { tag: sent.tag }),
    };
    c.messages.push(m);
    return m;
  }

  addIgMedia(igUserId: string, caption: string, at: number): FakeIgMedia {
    const id = this.nextId();
    const m: FakeIgMedia = { id, igUserId, caption, timestamp: at, permalink: `https://www.instagram.com/p/${id}/` };
    this.igMedia.set(id, m);
    return m;
  }

  addIgComment(mediaId: string, from: FakePerson, text: string, at: number, parentId?: string): FakeIgComment {
    const c: FakeIgComment = { id: this.nextId(), mediaId, ...(parentId !== undefined && { parentId }), from, text, timestamp: at, hidden: false, deleted: false };
    this.igComments.set(c.id, c);
    return c;
  }

  /** The page that owns an object id (page, post, comment, conversation, IG account, media, IG comment), for token checks. */
  ownerOf(id: string): FakePage | undefined {
    if (this.pages.has(id)) return this.pages.get(id);
    const post = this.posts.get(id) ?? this.posts.get(this.comments.get(id)?.postId ?? '');
    if (post) return this.pages.get(post.pageId);
    const conversation = this.conversations.get(id);
    if (conversation) return this.pages.get(conversation.pageId);
    const igUser = this.igMedia.get(id)?.igUserId ?? this.igMedia.get(this.igComments.get(id)?.mediaId ?? '')?.igUserId ?? id;
    for (const p of this.pages.values()) if (p.igUserId === igUser) return p;
    return undefined;
  }
}

/** Graph API time: ISO 8601 with a +0000 offset ("2017-05-19T23:27:28+0000"). */
export const graphTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
