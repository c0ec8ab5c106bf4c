// A second build is always the build from nothing. Seeded random sequences of the edits editors
// make (add, remove, rename and move items; add, move and retype incidents across regions, weeks
// and listing pages; edit translations, notes and data files; end an embargo), each followed by
// a build that reuses what the last one kept, compared byte for byte with a build from nothing.
// A failing seed prints the edits that reproduce it. More seeds than CI runs:
//   DIFFERENTIAL_SEEDS=1,2,3,4,5,6,7,8 npx vitest run tests/build/differential.test.ts
import { afterAll, describe, expect, it } from "vitest";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { buildSite } from "../../src/publish/build.ts";
import { seededRandom } from "../../bench/corpus.ts";
import { createFixture, dataFile, fixtureActors, fixtureRegions, fixtureThemes, translatedInto, writeItem, writeText, type FixtureItem } from "../fixtures/content.ts";
import { snapshot } from "../fixtures/tree.ts";

const SEEDS = (process.env.DIFFERENTIAL_SEEDS ?? "1").split(",").map(Number);
const STEPS = Number(process.env.DIFFERENTIAL_STEPS ?? 5);

/** Where incidents may happen: a region and its country. */
const PLACES = fixtureRegions.map((r) => ({ region: r.slug as string, country: r.country as string }));
const TYPES = ["battles", "explosions-remote-violence", "violence-against-civilians", "protests", "strategic-developments"];
const COUNTRIES = ["mali", "niger", "burkina-faso"];
/** Days of December 2020 and January 2021: six ISO weeks, so an item may move between them. */
const DAYS = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2020, 10, 30 + i)).toISOString().slice(0, 10));
const NOW = "2021-01-20T00:00:00Z";

const LATER = "2021-02-20T00:00:00Z";

interface Model {
  items: Map<string, FixtureItem & { french?: string }>;
  notes: Map<string, string>;
  themeDescription: string;
  now: string;
  next: number;
}

type Edit = { what: string; apply: (root: string, model: Model) => Promise<void> };

/** `next` picks any edit; `add` adds an item (the corpus the edits start from). */
function editsOf(random: () => number): { next: (model: Model) => Edit; add: (model: Model) => Edit } {
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const itemPath = (model: Model) => pick([...model.items.keys()].sort());
  const incident = () => {
    const place = pick(PLACES);
    return { type: pick(TYPES), country: place.country, region: place.region, ...(random() < 0.5 ? { fatalities: Math.floor(random() * 20) } : {}) };
  };
  const newItem = (model: Model, date = pick(DAYS)): FixtureItem => {
    const n = model.next++;
    const incidents = Array.from({ length: Math.floor(random() * 3) }, incident);
    const countries = [...new Set([...incidents.map((i) => i.country), pick(COUNTRIES)])];
    return { path: `${date.slice(0, 4)}/item-${n}`, title: `Item ${n}`, date, countries, tags: pick([["jnim"], ["elections"], ["jnim", "elections"], []]), ...(incidents.length ? { incidents } : {}) };
  };
  const rewrite = async (root: string, model: Model, item: FixtureItem) => {
    model.items.set(item.path, { ...model.items.get(item.path), ...item });
    await writeItem(root, item);
  };
  const kinds: ((model: Model) => Edit)[] = [
    (model) => {
      const item = newItem(model);
      return { what: `add ${item.path} on ${item.date}`, apply: (root) => rewrite(root, model, item) };
    },
    (model) => {
      const at = itemPath(model);
      return {
        what: `remove ${at}`,
        apply: async (root) => {
          model.items.delete(at);
          await rm(path.join(root, `content/articles/${at}.md`));
          await rm(path.join(root, `content/articles/${at}.fr.md`), { force: true });
        },
      };
    },
    (model) => {
      const at = itemPath(model);
      const to = `${at}-renamed`;
      return {
        what: `rename ${at} to ${to}`,
        apply: async (root) => {
          const item = model.items.get(at)!;
          model.items.delete(at);
          model.items.set(to, { ...item, path: to });
          await rename(path.join(root, `content/articles/${at}.md`), path.join(root, `content/articles/${to}.md`));
          if (item.french) await rename(path.join(root, `content/articles/${at}.fr.md`), path.join(root, `content/articles/${to}.fr.md`));
        },
      };
    },
    (model) => {
      const at = itemPath(model);
      const date = pick(DAYS.filter((day) => day.slice(0, 4) === at.slice(0, 4)));
      return { what: `move ${at} to ${date}`, apply: (root) => rewrite(root, model, { ...model.items.get(at)!, date }) };
    },
    (model) => {
      const at = itemPath(model);
      const added = incident();
      return {
        what: `add a ${added.type} incident in ${added.region} to ${at}`,
        apply: (root) => {
          const item = model.items.get(at)!;
          return rewrite(root, model, { ...item, countries: [...new Set([...item.countries, added.country])], incidents: [...(item.incidents ?? []), added] });
        },
      };
    },
    (model) => {
      const at = itemPath(model);
      const place = pick(PLACES);
      const type = pick(TYPES);
      return {
        what: `move the first incident of ${at} to ${place.region}, as ${type}`,
        apply: (root) => {
          const item = model.items.get(at)!;
          const [first, ...rest] = item.incidents ?? [];
          if (!first) return rewrite(root, model, { ...item, countries: [...new Set([...item.countries, place.country])], incidents: [{ type, ...place }] });
          return rewrite(root, model, { ...item, countries: [...new Set([...item.countries, place.country])], incidents: [{ ...first, ...place, type }, ...rest] });
        },
      };
    },
    (model) => {
      const at = itemPath(model);
      const title = `Article ${model.next++} en français`;
      return {
        what: `translate ${at} as "${title}"`,
        apply: async (root) => {
          model.items.set(at, { ...model.items.get(at)!, french: title });
          await writeText(root, `content/articles/${at}.fr.md`, `---\ntitle: ${JSON.stringify(title)}\nsummary: "Un résumé."\n---\nLe texte.\n`);
        },
      };
    },
    (model) => {
      const week = pick(["2020-W49", "2020-W50", "2020-W53", "2021-W01"]);
      const headline = `Note ${model.next++}`;
      return {
        what: `write the note of ${week}: ${headline}`,
        apply: async (root) => {
          model.notes.set(week, headline);
          await writeText(root, `content/issues/${week}.md`, `---\nheadline: ${JSON.stringify(headline)}\n---\nThe week in brief.\n`);
        },
      };
    },
    (model) => {
      const description = `Votes, ${model.next++}.`;
      return {
        what: `describe the theme as "${description}"`,
        apply: async (root) => {
          model.themeDescription = description;
          await writeText(root, "content/_data/themes.ts", dataFile(translatedInto(fixtureThemes.map((t) => ({ ...t, description })), "fr", () => ({ name: "Élections" }))));
        },
      };
    },
    (model) => {
      if (model.now === LATER) return kinds[0]!(model);
      const item = newItem(model, "2021-02-10");
      return {
        what: `add ${item.path}, embargoed until 2021-02-10, and let the clock pass it`,
        apply: async (root) => {
          await rewrite(root, model, item);
          model.now = LATER;
        },
      };
    },
  ];
  return { next: (model) => pick(kinds)(model), add: kinds[0]! };
}

// Five items a page (the least there may be): listings of a country, a tag and an incident type
// run to several pages.
const SITE_SETTINGS = { itemsPerPage: 5, editions: [{ language: "fr", description: "Un condensé de test." }] };

const removals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const remove of removals) await remove();
});

/**
 * Builds the corpus `start` makes, then applies `steps` edits one at a time, each followed by a
 * build that reuses what the last one kept and a build from nothing, compared file by file.
 */
async function holdsAfterEveryEdit(label: string, start: (model: Model) => Edit[], steps: (model: Model) => Iterable<Edit>): Promise<void> {
  const model: Model = { items: new Map(), notes: new Map(), themeDescription: "Votes.", now: NOW, next: 0 };
  const fixture = await createFixture({
    regions: fixtureRegions,
    site: SITE_SETTINGS,
    actors: translatedInto(fixtureActors, "fr", (a) => ({ name: a.name })),
    themes: translatedInto(fixtureThemes, "fr", () => ({ name: "Élections" })),
  });
  removals.push(fixture.remove);
  const { root } = fixture;
  const fresh = path.join(root, "fresh");
  const clock = process.env.DIGEST_NOW;
  const done: string[] = [];
  try {
    for (const edit of start(model)) await edit.apply(root, model);
    // The first build, from nothing: what the edits below start from.
    process.env.DIGEST_NOW = model.now;
    await buildSite({ root, search: false, reuse: false });
    // Taken one at a time: an edit picks among the items the ones before it left.
    for (const edit of steps(model)) {
      done.push(edit.what);
      await edit.apply(root, model);
      process.env.DIGEST_NOW = model.now;
      const built = await buildSite({ root, search: false });
      await rm(fresh, { recursive: true, force: true });
      await buildSite({ root, output: fresh, search: false, reuse: false });
      const [incremental, cold] = [await snapshot(built.output), await snapshot(fresh)];
      const differing = [...new Set([...Object.keys(incremental), ...Object.keys(cold)])].filter((file) => incremental[file] !== cold[file]).sort();
      expect(differing, `${label}: after these edits, these pages differ from a build from nothing:\n  ${done.join("\n  ")}\n`).toEqual([]);
    }
  } finally {
    if (clock === undefined) delete process.env.DIGEST_NOW;
    else process.env.DIGEST_NOW = clock;
  }
}

describe("a build that reuses what the last one kept", () => {
  for (const seed of SEEDS) {
    // Two builds an edit: longer than one test's usual limit on a busy machine.
    it(`writes what a build from nothing writes, after every edit (seed ${seed})`, { timeout: 300_000 }, async () => {
      const random = seededRandom(seed);
      const { next, add } = editsOf(random);
      await holdsAfterEveryEdit(
        `seed ${seed}`,
        (model) => Array.from({ length: 24 }, () => add(model)),
        function* (model) {
          for (let step = 0; step < STEPS; step++) yield next(model);
        },
      );
    });
  }
});
