/** The app manifest an admin pastes into Slack matches what the code listens to and calls. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../../adapters/slack/index.js';

const manifest = parse(readFileSync('adapters/slack/manifest.yaml', 'utf8'), { uniqueKeys: true });
const source = ['listeners.ts', 'notifier.ts', 'followup.ts'].map((f) => readFileSync(`adapters/slack/${f}`, 'utf8')).join('\n');

describe('adapters/slack/manifest.yaml', () => {
  it('declares the slash command the code registers, with a Swedish description and usage hint', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(SLASH_COMMAND);
    expect(command.description).toMatch(/frågor/);
    expect(command.usage_hint).toContain('ta ID');
    expect(command.should_escape).toBe(true); // mentions arrive as <@U…>, as the parser expects
  });

  it('sends commands, interactivity and events to the route the adapter serves', () => {
    const urls = [manifest.features.slash_commands[0].url, manifest.settings.interactivity.request_url, manifest.settings.event_subscriptions.request_url];
    for (const u of urls) expect(new URL(u).pathname).toBe('/slack/events');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('subscribes to app_home_opened and enables the Home tab', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(source).toContain("app.event('app_home_opened'");
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('asks for the scope of every Web API method the code calls (users:read too, for users.info)', () => {
    const needs: Record<string, string> = { 'chat.postMessage': 'chat:write', 'chat.update': 'chat:write', 'conversations.open': 'im:write', 'filesUploadV2': 'files:write', 'views.publish': '', 'views.open': '' };
    const scopes = manifest.oauth_config.scopes.bot as string[];
    for (const [method, scope] of Object.entries(needs)) {
      expect(source).toContain(method);
      if (scope) expect(scopes).toContain(scope);
    }
    expect([...scopes].sort()).toEqual(['chat:write', 'commands', 'files:write', 'im:write', 'users:read']);
  });
});
