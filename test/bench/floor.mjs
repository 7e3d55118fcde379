// The floor: the least any tool must do with an X archive — read tweets.js, cut its prefix,
// JSON.parse it and touch every text. Usage: node floor.mjs path/to/tweets.js
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
const tweets = JSON.parse(text.slice(text.indexOf('[')));
let characters = 0;
for (const { tweet } of tweets) characters += tweet.full_text.length;
process.stdout.write(`${tweets.length} tweets, ${characters} characters\n`);
