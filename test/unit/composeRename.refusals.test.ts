import * as assert from 'assert';
import { prepared, r, renamed, yaml } from './support/composeNavigation';

describe('Compose rename: what cannot be renamed, and why', () => {
  it('refuses an external resource named by its key, on the declaration and on references', () => {
    const text = yaml('services:', '  web:', '    networks: [pro|xy]', 'networks:', '  proxy:', '    external: true');
    const refusal = {
      refused:
        'The network "proxy" is external (line 5): Compose finds it in the engine by this name, so renaming it here would use another network. ' +
        'Add "name: proxy" to its declaration first to keep the engine\'s name.',
    };
    assert.deepStrictEqual(prepared(text), refusal);
    assert.deepStrictEqual(prepared(text.replace('pro|xy', 'proxy').replace('  proxy:', '  pr|oxy:')), refusal);
    assert.deepStrictEqual(renamed(text, 'edge'), refusal);
    const named = text.replace('    external: true', '    external: true\n    name: proxy');
    assert.deepStrictEqual(prepared(named), { range: r(2, 15, 20), placeholder: 'proxy' });
    assert.strictEqual(renamed(named, 'edge'), named.replace('[pro|xy]', '[edge]').replace('  proxy:', '  edge:'));
  });

  it('refuses containers, which Compose does not manage', () => {
    const refusal = { refused: '"container:legacy" names a container that Compose does not manage, not a service of this project, so there is nothing to rename.' };
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    volumes_from: [container:leg|acy]')), refusal);
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    network_mode: container:leg|acy')), refusal);
  });

  it('refuses host paths, which are bind mounts and not volumes', () => {
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    volumes: [./da|ta:/data]')), {
      refused: '"./data" is a path on the host (a bind mount), not a named volume, so there is nothing to rename.',
    });
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    volumes:', '      - type: bind', '        source: da|ta', '        target: /d')), {
      refused: '"data" is a path on the host (a bind mount), not a named volume, so there is nothing to rename.',
    });
    assert.strictEqual(prepared(yaml('services:', '  web:', '    volumes: [./data:/da|ta]')), null, 'the target is a path in the container');
  });

  it('refuses interpolated values, which name nothing until Compose runs', () => {
    const refusal = (text: string) => ({ refused: `"${text}" is interpolated: Compose builds the name only when it runs, so it is not a reference rename can follow; change it by hand.` });
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    depends_on:', '      - ${DB:-d|b}')), refusal('${DB:-db}'));
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    volumes: ["${DATA}:/d|ata"]')), refusal('${DATA}:/data'));
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    links: ["db:${AL|IAS}"]', '  db:', '    image: x')), refusal('db:${ALIAS}'));
    assert.strictEqual(prepared(yaml('services:', '  web:', '    environment:', '      HOST: ${D|B}')), null, 'not where a name is read');
  });

  it('refuses the implicit network "default"', () => {
    const refusal = { refused: 'The network "default" is the one Compose creates for every project; it cannot be renamed.' };
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    networks: [defa|ult]')), refusal);
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    networks: [default]', 'networks:', '  def|ault:', '    name: shared')), refusal);
  });

  it('refuses a name nothing in the project declares', () => {
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    depends_on: [d|bb]', '  db:', '    image: x')), {
      refused: 'No service named "dbb" is declared in this file or the files read with it, so there is nothing to rename.',
    });
    assert.deepStrictEqual(prepared(yaml('services:', '  web:', '    extends:', '      file: base.yaml', '      service: ba|se')), {
      refused: 'No service named "base" is found in "base.yaml" (it is missing, unreadable, or does not declare it), so there is nothing to rename.',
    });
  });

  it('refuses a name written with escapes, which an edit cannot follow', () => {
    const text = yaml('services:', '  web:', '    depends_on: ["d\\x62"]', '  d|b:', '    image: x');
    assert.deepStrictEqual(prepared(text), { refused: '"db" is written on line 3 in a way rename cannot edit safely (escaped or split over lines); change it by hand.' });
  });

  it('renames anchors, and refuses invalid or taken anchor names', () => {
    const text = yaml('x-base: &ba|se', '  restart: always', 'x-other: &other {}', 'services:', '  web:', '    <<: *base', '    image: nginx');
    assert.strictEqual(renamed(text, 'defaults'), text.replace('&ba|se', '&defaults').replace('*base', '*defaults'));
    assert.deepStrictEqual(renamed(text, 'my base'), { refused: '"my base" is not a valid anchor name: it cannot contain spaces or any of , [ ] { }.' });
    assert.deepStrictEqual(renamed(text, 'a,b'), { refused: '"a,b" is not a valid anchor name: it cannot contain spaces or any of , [ ] { }.' });
    assert.deepStrictEqual(renamed(text, ''), { refused: 'An anchor name cannot be empty.' });
    assert.deepStrictEqual(renamed(text, 'other'), { refused: 'There is already an anchor &other (its node starts on line 3); the aliases of the two would get mixed up.' });
    assert.deepStrictEqual(renamed(text + 'x-late: *later\n', 'later'), { refused: 'The alias *later on line 8 names no anchor yet; after this rename it would name this one.' });
    assert.deepStrictEqual(prepared(yaml('a: *no|pe')), { refused: 'There is no anchor &nope before this alias, so there is nothing to rename.' });
  });

  it('has nothing to rename off a name', () => {
    assert.strictEqual(prepared(yaml('serv|ices:', '  web:', '    image: nginx')), null);
    assert.strictEqual(prepared(yaml('services:', '  web:', '    image: ngi|nx')), null);
    assert.strictEqual(prepared(yaml('services:', '  web:', '    environment:', '      DB_HOST: d|b', '  db:', '    image: x')), null);
    assert.deepStrictEqual(renamed(yaml('services:', '  web:', '    image: ngi|nx'), 'x'), { refused: 'You cannot rename this element.' });
  });
});
