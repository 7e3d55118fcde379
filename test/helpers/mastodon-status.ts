/** A Mastodon API status as the server sends it, newest first by `n`, with any fields replaced. */
export const mastodonStatus = (n: number, fields: Record<string, unknown> = {}) => ({
  id: String(112450000000000000n + BigInt(n)),
  created_at: new Date(Date.UTC(2024, 5, 1) - n * 3_600_000).toISOString(),
  visibility: 'public',
  url: `https://mastodon.example/@northwindlamps/${112450000000000000n + BigInt(n)}`,
  content:
    `<p>Post number ${n} about warm light <a href="https://northwind.example/p/${n}" rel="nofollow noopener noreferrer" target="_blank">` +
    `<span class="invisible">https://</span><span class="">northwind.example/p/${n}</span><span class="invisible"></span></a></p>`,
  in_reply_to_id: null,
  in_reply_to_account_id: null,
  reblog: null,
  media_attachments: [],
  tags: [],
  mentions: [],
  replies_count: 1,
  reblogs_count: 2,
  favourites_count: 3,
  ...fields,
});
