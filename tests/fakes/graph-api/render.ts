/** The fake's objects as the Graph API shows them (times ISO 8601 with +0000). */
import { graphTime, type FakeComment, type FakeConversation, type FakeIgComment, type FakeIgMedia, type FakeMessage, type FakePerson, type FakePost } from './state.js';

const person = (p: FakePerson) => ({ id: p.id, ...(p.name !== undefined && { name: p.name }), ...(p.username !== undefined && { username: p.username }) });

export const renderPost = (p: FakePost) => ({
  id: p.id,
  created_time: graphTime(p.createdTime),
  updated_time: graphTime(p.updatedTime),
  ...(p.message !== undefined && { message: p.message }),
  from: person(p.from),
  permalink_url: `https://www.facebook.com/${p.pageId}/posts/${p.id.split('_')[1]}`,
});

export const renderComment = (c: FakeComment) => ({
  id: c.id,
  created_time: graphTime(c.createdTime),
  message: c.message,
  from: person(c.from),
  ...(c.parentId !== c.postId && { parent: { id: c.parentId } }),
  is_hidden: c.isHidden,
  permalink_url: `https://www.facebook.com/${c.postId.split('_')[0]}/posts/${c.postId.split('_')[1]}?comment_id=${c.id.split('_')[1]}`,
});

export const renderMessage = (m: FakeMessage) => ({
  id: m.id,
  created_time: graphTime(m.createdTime),
  from: person(m.from),
  to: { data: [person(m.to)] },
  message: m.message,
});

export const renderConversation = (c: FakeConversation) => ({
  id: c.id,
  updated_time: graphTime(Math.max(0, ...c.messages.map((m) => m.createdTime))),
  participants: { data: [person(c.participant)] },
});

export const renderIgMedia = (m: FakeIgMedia, comments: number) => ({ id: m.id, caption: m.caption, timestamp: graphTime(m.timestamp), permalink: m.permalink, comments_count: comments });

export const renderIgComment = (c: FakeIgComment) => ({
  id: c.id,
  text: c.text,
  timestamp: graphTime(c.timestamp),
  from: person(c.from),
  ...(c.from.username !== undefined && { username: c.from.username }),
  ...(c.parentId !== undefined && { parent_id: c.parentId }),
  hidden: c.hidden,
  media: { id: c.mediaId },
});
