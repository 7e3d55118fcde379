// The time presence itself needs to load a source: start, import its loaders, read every post,
// and nothing else. Usage: node load-only.mjs SOURCE
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { loadPosts } = await import(path.join(root, 'dist/cli/pipeline.js'));
const io = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
const loaded = await loadPosts([process.argv[2]], { strict: false, quiet: true }, io);
process.stdout.write(`${loaded.posts.length} posts\n`);
