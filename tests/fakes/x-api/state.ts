/**
 * What the fake X API knows: users, the municipality's accounts with their OAuth 1.0a tokens, posts
 * (citizens' mentions and replies, the account's own posts) and direct messages. Tests fill it to play
 * what happened while svarstid was away; the write endpoints change it as X would. Ids are snowflake-
 * like decimal strings that grow with time, so `since_id` works as on X.
 */
export interface FakeXUser {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  /** refuses DMs from accounts it does not follow */
  dmClosed?: boolean;
}

export interface FakeXAccount {
  readonly user: FakeXUser;
  readonly accessToken: string;
  readonly accessTokenSecret: string;
}

export interface FakeXPost {
  readonly id: string;
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: number;
  readonly conversationId: string;
  readonly inReplyToTweetId?: string;
  readonly inReplyToUserId?: string;
  hidden: boolean;
  deleted: boolean;
}

export interface FakeXDm {
  readonly id: string;
  readonly senderId: string;
  readonly recipientId: string;
  readonly text: string;
  readonly createdAt: number;
}

export class XState {
  readonly users = new Map<string, FakeXUser>();
  readonly accounts = new Map<string, FakeXAccount>();
  readonly posts = new Map<string, FakeXPost>();
  readonly dms = new Map<string, FakeXDm>();
  private seq = 0;

  /** a snowflake-like id: grows with the time, unique */
  nextId(at: number): string {
    return (BigInt(Math.max(0, at - 1288834974657)) * 4194304n + BigInt(++this.seq)).toString();
  }

  addUser(u: FakeXUser): FakeXUser {
    this.users.set(u.id, u);
    return u;
  }

  addAccount(user: FakeXUser, accessToken: string, accessTokenSecret: string): FakeXAccount {
    this.addUser(user);
    const a = { user, accessToken, accessTokenSecret };
    this.accounts.set(user.id, a);
    return a;
  }

  /**
   * A post; a reply carries the replied-to author's @handle at its start, as X's clients put it
   * there (so a reply into the account's conversation mentions the account); `viaApi` posts (POST
   * /2/tweets) keep their text as sent.
   */
  addPost(authorId: string, text: string, at: number, inReplyTo?: string, viaApi = false): FakeXPost {
    const parent = inReplyTo ? this.posts.get(inReplyTo) : undefined;
    if (inReplyTo && !parent) throw new Error(`fake X API: no post ${inReplyTo}`);
    const handle = !viaApi && parent && parent.authorId !== authorId ? this.users.get(parent.authorId)?.username : undefined;
    const id = this.nextId(at);
    const post: FakeXPost = {
      id,
      authorId,
      text: handle && !text.startsWith(`@${handle}`) ? `@${handle} ${text}` : text,
      createdAt: at,
      conversationId: parent ? parent.conversationId : id,
      ...(parent && { inReplyToTweetId: parent.id, inReplyToUserId: parent.authorId }),
      hidden: false,
      deleted: false,
    };
    this.posts.set(id, post);
    return post;
  }

  addDm(senderId: string, recipientId: string, text: string, at: number): FakeXDm {
    const dm: FakeXDm = { id: this.nextId(at), senderId, recipientId, text, createdAt: at };
    this.dms.set(dm.id, dm);
    return dm;
  }

  /** a one-to-one conversation id: "{smaller id}-{larger id}" (X's documented form) */
  static conversationId(a: string, b: string): string {
    return BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`;
  }

  /** whether the post mentions the user explicitly (@username in its text) */
  mentions(post: FakeXPost, user: FakeXUser): boolean {
    return new RegExp(`(^|[^A-Za-z0-9_])@${user.username}(?![A-Za-z0-9_])`, 'i').test(post.text);
  }
}
