// What the network hands to the moderation queue: a member may report a message they received.
// The report keeps the message's text as its title (the moderators cannot open someone else's
// conversation), so the moderators read what was reported.
import type { ModerationHooks } from '../../platform/context.ts';
import { NUMBER_KEY } from '../../platform/reportables.ts';
import { messageWithPair } from './listing.ts';

const TITLE_MAX = 300;

export const networkModeration: ModerationHooks = {
  reportables: [
    {
      type: 'network-message',
      label: 'network.reportType',
      // Only the one who received the message may report it; to anyone else there is no such message.
      async find(db, key, viewer) {
        if (!viewer || !NUMBER_KEY.test(key)) return null;
        const message = await messageWithPair(db, Number(key));
        if (!message || message.sender_id === viewer.id) return null;
        if (message.user_low !== viewer.id && message.user_high !== viewer.id) return null;
        const title = `${message.senderName}: ${message.body.replace(/\s+/g, ' ')}`;
        return {
          title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
          url: `/network/messages/${message.conversation_id}#m${message.id}`,
        };
      },
      // The moderators' page of a reported message (routes-messages.tsx): that message alone.
      urlOf: (key) => `/network/reported/${encodeURIComponent(key)}`,
    },
  ],
};
