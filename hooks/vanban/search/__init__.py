"""Search: Vietnamese words as index tokens, and the Pagefind index of the documents."""
