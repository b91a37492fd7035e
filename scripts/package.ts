// npm run package: zips the two builds and the source for the stores, into artifacts/.
// `prepackage` builds dist/ and dist-firefox/ first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Zippable, zipSync } from 'fflate';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const out = join(root, 'artifacts');
/** A fixed date for every entry, so the same files give the same zip. */
const mtime = new Date('2025-01-01T00:00:00Z');

const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as { version: string };

/** Every file under `dir`, by path relative to it (forward slashes), sorted. */
function filesUnder(dir: string): string[] {
  const all: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) all.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return all.sort();
}

/**
 * The project's source: what git tracks plus new files it would track (`.gitignore` applied),
 * as they are in the working tree now. Deleted files are left out.
 */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  });
  const unique = new Set(listed.split('\0').filter((f) => f !== ''));
  return [...unique].filter((f) => existsSync(join(root, f)) && statSync(join(root, f)).isFile()).sort();
}

/** Writes artifacts/<name> holding `files` (paths relative to `base`) and says what it wrote. */
function writeZip(name: string, base: string, files: string[]): void {
  const entries: Zippable = {};
  for (const f of files) entries[f] = [readFileSync(join(base, f)), { mtime }];
  const zip = zipSync(entries, { level: 9 });
  writeFileSync(join(out, name), zip);
  console.log(`artifacts/${name}  ${files.length} files, ${(zip.length / 1024).toFixed(1)} KB`);
}

function builtFiles(dir: string, version: string): string[] {
  const manifest = join(root, dir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`${dir}/ is not built: run npm run build and npm run build:firefox.`);
  const built = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  if (built.version !== version)
    throw new Error(`${dir}/manifest.json is version ${built.version}, expected ${version}`);
  return filesUnder(join(root, dir)).filter((f) => !f.endsWith('.DS_Store'));
}

const { version } = readJson('package.json');
const manifestVersion = readJson('manifest.json').version;
if (manifestVersion !== version)
  throw new Error(`package.json is version ${version} but manifest.json is ${manifestVersion}: make them agree.`);
mkdirSync(out, { recursive: true });
writeZip(`backstory-chrome-${version}.zip`, join(root, 'dist'), builtFiles('dist', version));
writeZip(`backstory-firefox-${version}.zip`, join(root, 'dist-firefox'), builtFiles('dist-firefox', version));
writeZip(`backstory-source-${version}.zip`, root, sourceFiles());
