// The views' settings read into options (anything unknown falls back to today's rendering), the quick picks'
// items, and package.json offering exactly the same choices and defaults.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  choiceItems,
  containerViewOptions,
  DEFAULT_CONTAINER_OPTIONS,
  DEFAULT_IMAGE_OPTIONS,
  DEFAULT_NETWORK_OPTIONS,
  DEFAULT_VOLUME_OPTIONS,
  imageViewOptions,
  networkViewOptions,
  VIEW_CHOICES,
  volumeViewOptions,
} from '../../client/src/tree/viewOptions';

const settings = (values: Record<string, unknown>) => (key: string) => values[key];

describe('view options from settings', () => {
  it('gives today\'s rendering when nothing is set', () => {
    const none = settings({});
    assert.deepStrictEqual(containerViewOptions(none), { groupBy: 'composeProject', sortBy: 'name', label: 'name', description: ['service', 'image', 'ports', 'ip'] });
    assert.deepStrictEqual(imageViewOptions(none), { groupBy: 'repository', sortBy: 'name', label: 'tag', description: ['size', 'created', 'inUse'] });
    assert.deepStrictEqual(volumeViewOptions(none), { groupBy: 'none', sortBy: 'name', description: ['driver', 'usage'] });
    assert.deepStrictEqual(networkViewOptions(none), { groupBy: 'none', sortBy: 'name', description: ['driver', 'scope', 'containers'] });
  });

  it('takes known values, drops unknown and repeated fields, and falls back on values of the wrong kind', () => {
    assert.deepStrictEqual(containerViewOptions(settings({ groupBy: 'state', sortBy: 'bogus', label: 5, description: ['ip', 'nope', 'ip', 'state'] })), {
      groupBy: 'state',
      sortBy: 'name',
      label: 'name',
      description: ['ip', 'state'],
    });
    assert.deepStrictEqual(imageViewOptions(settings({ groupBy: 'none', sortBy: 'size', label: 'id', description: 'size' })), {
      groupBy: 'none',
      sortBy: 'size',
      label: 'id',
      description: ['size', 'created', 'inUse'],
    });
    assert.deepStrictEqual(volumeViewOptions(settings({ groupBy: 'image', sortBy: 'created', description: [] })), { groupBy: 'none', sortBy: 'created', description: [] });
    assert.deepStrictEqual(networkViewOptions(settings({ groupBy: 'driver', sortBy: 'state', description: ['subnet'] })), { groupBy: 'driver', sortBy: 'name', description: ['subnet'] });
  });

  it('marks the current choice in the quick pick and maps a picked item back to its value', () => {
    const { items, valueOf } = choiceItems(VIEW_CHOICES.containers.groupBy, 'image');
    assert.deepStrictEqual(items, ['Compose project', 'Image (current)', 'State', 'Network', 'None']);
    assert.deepStrictEqual([valueOf('Image (current)'), valueOf('None'), valueOf('Compose project'), valueOf('Image')], ['image', 'none', 'composeProject', undefined]);
    assert.deepStrictEqual(choiceItems(VIEW_CHOICES.images.sortBy, 'name').items, ['Name (current)', 'Created (newest first)', 'Size (largest first)']);
  });
});

describe('package.json and the view settings', () => {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { enum?: string[]; default?: unknown; items?: { enum?: string[] } }> } };
  };
  const property = (key: string) => manifest.contributes.configuration.properties[`docker-workflows.${key}`];
  const defaults = { containers: DEFAULT_CONTAINER_OPTIONS, images: DEFAULT_IMAGE_OPTIONS, volumes: DEFAULT_VOLUME_OPTIONS, networks: DEFAULT_NETWORK_OPTIONS };

  for (const view of ['containers', 'images', 'volumes', 'networks'] as const) {
    it(`offers the ${view} view's choices and defaults`, () => {
      const choices = VIEW_CHOICES[view];
      for (const key of ['groupBy', 'sortBy'] as const) {
        assert.deepStrictEqual(property(`${view}.${key}`).enum, choices[key].map((choice) => choice.value), `${view}.${key}`);
        assert.strictEqual(property(`${view}.${key}`).default, defaults[view][key], `${view}.${key}`);
        assert.strictEqual(choices[key][0].value, defaults[view][key], `the first choice of ${view}.${key} is its default`);
      }
      assert.deepStrictEqual(property(`${view}.description`).items?.enum, choices.fields);
      assert.deepStrictEqual(property(`${view}.description`).default, defaults[view].description);
      if ('label' in choices) {
        assert.deepStrictEqual(property(`${view}.label`).enum, choices.label);
        assert.strictEqual(property(`${view}.label`).default, (defaults[view] as { label: string }).label);
      } else {
        assert.strictEqual(property(`${view}.label`), undefined);
      }
    });
  }
});
