/* Planted for the self-test of build-aux/check-doc-citations: a note a clone does not have
 * (NOTES.md) and a section the page lacks (docs/domain.md §9). */
