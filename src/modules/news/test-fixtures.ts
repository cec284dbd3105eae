// The post form as a browser fills it, for the tests; without the test platform, so the unit tests
// of the schemas use it too.

export const postForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  title: 'Weavers of Ban Phanom open their workshop',
  lang: 'en',
  body: 'The **weavers** welcome visitors every Saturday.',
  category: 'news',
  tags: 'crafts, Silk ',
  organisation: '',
  cover_alt: '',
  status: 'publish',
  publish_at: '',
  ...overrides,
});
