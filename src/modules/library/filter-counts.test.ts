// The counts in the library's filter menus are kept between requests: they must follow every
// write at once (creating, publishing, withdrawing, deleting), and show each reader what they may
// see — a creator of unpublished records their own, everyone else the public library.
import { describe, expect, it } from 'vitest';
import type { TestClient } from '../../../test/harness.ts';
import { createDocument, libraryHub } from './test-helpers.ts';

const {
  hub,
  editor: { client: editor },
} = await libraryHub();

/** The label of a value in the list page's filter menu, e.g. "Training material or toolkit (2)". */
async function kindOption(client: TestClient | null, kind: string): Promise<string | null> {
  const page = await (client ?? hub.client()).get('/library');
  return new RegExp(`<option value="${kind}"[^>]*>([^<]*)</option>`).exec(page.text)?.[1] ?? null;
}

describe('filter counts', () => {
  it('follow each write, though they are kept between requests', async () => {
    expect(await kindOption(null, 'training')).toBeNull();
    const first = await createDocument(editor, { kind: 'training', title: 'Toolkit one' });
    expect(await kindOption(null, 'training')).toBe('Training material or toolkit (1)');
    await createDocument(editor, { kind: 'training', title: 'Toolkit two' });
    expect(await kindOption(null, 'training')).toBe('Training material or toolkit (2)');
    expect((await editor.submit(`/library/${first}`, `/library/${first}/unpublish`, {})).status).toBe(303);
    expect(await kindOption(null, 'training')).toBe('Training material or toolkit (1)');
    // Editors count unpublished records too.
    expect(await kindOption(editor, 'training')).toBe('Training material or toolkit (2)');
    expect((await editor.submit(`/library/${first}`, `/library/${first}/delete`, {})).status).toBe(303);
    expect(await kindOption(editor, 'training')).toBe('Training material or toolkit (1)');
  });

  it('show a member who created unpublished records those too, and nobody else', async () => {
    const { user, client } = await hub.signedIn('editor');
    await createDocument(client, { kind: 'minutes', title: 'Minutes of a draft meeting', published: '' });
    // No longer an editor: still the creator of the record, which they alone (and editors) see.
    await hub.deps.db.updateTable('users').set({ role: 'member' }).where('id', '=', user.id).execute();
    expect(await kindOption(client, 'minutes')).toBe('Agenda or minutes (1)');
    expect(await kindOption(null, 'minutes')).toBeNull();
    const other = (await hub.signedIn('member')).client;
    expect(await kindOption(other, 'minutes')).toBeNull();
  });
});
