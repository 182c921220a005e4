/*
 * OSC 8 hyperlinks: a process-wide table of links (a URI and the program's id= parameter),
 * each named by the small number a cell carries (term_cell.link; 0 is no link).
 *
 * Hostile input must not grow memory without bound: a URI is at most TERM_LINK_MAX_URI
 * bytes of printable ASCII (0x21-0x7e) and UTF-8 (a strict sequence of a code point past
 * the C1 controls, so a URI never carries a control to a terminal); an id at most
 * TERM_LINK_MAX_ID bytes of printable ASCII without ':' or ';'. The table holds the newest
 * TERM_LINK_MAX links within TERM_LINK_MAX_BYTES bytes: making one past that expires the
 * oldest, whose cells then show plain text (as tmux does), so a long-lived server that
 * printed many links still makes new ones.
 *
 * Numbers are never reused: a number names the link it was made for or, once that link
 * has expired, none, never another one (a stale cell must not point at a later URI).
 * After 2^32 - 2 links no more are made. The same link asked for again, while it lives,
 * gets the same number.
 */
#ifndef RSH_TERM_LINK_H
#define RSH_TERM_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TERM_LINK_MAX_URI 2048
#define TERM_LINK_MAX_ID 250
#define TERM_LINK_MAX 16384
#define TERM_LINK_MAX_BYTES (4u << 20)

/* Whether (id, uri) is a link as above (its URI not empty), the table's room aside. */
bool term_link_valid(const char *id, size_t id_len, const char *uri, size_t uri_len);

/* The number of the link (id, uri), made if need be (expiring the oldest); 0 when the
 * URI is empty, either is not as above, or the numbers are spent. */
uint32_t term_link_make(const char *id, size_t id_len, const char *uri, size_t uri_len);

/* The link's id ("" when the program gave none) and URI, NUL-terminated, valid until the
 * next term_link_make (which may expire it); false (and nothing set) for 0, an expired
 * number or one never made. */
bool term_link_get(uint32_t link, const char **id, const char **uri);

/* The longest OSC 8 term_link_osc writes, its NUL included. */
#define TERM_LINK_OSC_MAX (TERM_LINK_MAX_URI + TERM_LINK_MAX_ID + 16)

/* Writes into buf (TERM_LINK_OSC_MAX bytes) the OSC 8 that starts the link, as tmux writes
 * it: ESC ] 8 ; id=ID ; URI ESC \ (";URI" without an id), or for 0 or a number no link has
 * the one that ends a link, ESC ] 8 ; ; ESC \. Returns its length. */
size_t term_link_osc(uint32_t link, char *buf);

/* Reads the parameters and URI of an OSC 8 (the text after "8;": "params;uri") into a
 * link number: 0 for an end of link (an empty URI) and for a link refused. */
uint32_t term_link_parse_osc(const char *text, size_t len);

#endif
