export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
