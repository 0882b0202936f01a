// Trunk post-build hook (Trunk.toml). Trunk starts the hooks of one stage
// all at once, so the steps that rewrite dist/ run here, one after another.
await import('./price-list.mjs');
await import('./build-detail.mjs');
await import('./shrink-glue.mjs');
await import('./csp.mjs');
