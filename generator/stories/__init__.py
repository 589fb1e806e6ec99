"""Pure: digests become stories, the articles on one event read once
(`assemble.group_stories`, `assemble.build_story`)."""
