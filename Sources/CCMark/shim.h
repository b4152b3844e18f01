#include <cmark.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * An arena for libcmark's parser (cmark_parser_new_with_mem). libcmark allocates every
 * node, every literal and every buffer with calloc/realloc and frees them one by one; a
 * lesson is parsed, copied out into Swift values and thrown away at once, so here memory
 * comes from large chunks by bumping a pointer, `free` does nothing, and the whole
 * document goes back in one `coursegen_arena_release()`.
 *
 * Each thread has its own arena (a parse runs on one thread from start to end), so no
 * lock is needed. Each block carries its size in front of it for `realloc`. Like
 * libcmark's own allocator, running out of memory aborts.
 */

typedef struct coursegen_arena_chunk {
    struct coursegen_arena_chunk *next;
    size_t size;
    size_t used;
} coursegen_arena_chunk;

static _Thread_local coursegen_arena_chunk *coursegen_arena_head = NULL;

enum { COURSEGEN_ARENA_ALIGN = 16, COURSEGEN_ARENA_CHUNK = 256 * 1024 };

/* `bytes` usable bytes, 16-aligned, preceded by their count. */
static inline void *coursegen_arena_take(size_t bytes) {
    if (bytes > SIZE_MAX / 2) abort();
    size_t need = (bytes + COURSEGEN_ARENA_ALIGN - 1) / COURSEGEN_ARENA_ALIGN * COURSEGEN_ARENA_ALIGN
        + COURSEGEN_ARENA_ALIGN;
    coursegen_arena_chunk *head = coursegen_arena_head;
    if (head == NULL || head->size - head->used < need) {
        size_t header = (sizeof(coursegen_arena_chunk) + COURSEGEN_ARENA_ALIGN - 1)
            / COURSEGEN_ARENA_ALIGN * COURSEGEN_ARENA_ALIGN;
        size_t size = need + header > COURSEGEN_ARENA_CHUNK ? need + header : COURSEGEN_ARENA_CHUNK;
        coursegen_arena_chunk *chunk = (coursegen_arena_chunk *)malloc(size);
        if (chunk == NULL) abort();
        chunk->next = head;
        chunk->size = size;
        chunk->used = header;
        coursegen_arena_head = head = chunk;
    }
    unsigned char *block = (unsigned char *)head + head->used;
    head->used += need;
    *(size_t *)block = bytes;
    return block + COURSEGEN_ARENA_ALIGN;
}

static inline void *coursegen_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) abort();
    void *p = coursegen_arena_take(count * size);
    memset(p, 0, count * size);
    return p;
}

static inline void *coursegen_arena_realloc(void *old, size_t size) {
    if (old == NULL) return coursegen_arena_take(size);
    size_t had = *(size_t *)((unsigned char *)old - COURSEGEN_ARENA_ALIGN);
    if (size <= had) return old;
    void *p = coursegen_arena_take(size);
    memcpy(p, old, had);
    return p;
}

static inline void coursegen_arena_free(void *p) { (void)p; }

/* Gives back everything the thread's arena holds: call after the tree and the parser are
 * freed (with cmark_node_free, cmark_parser_free), when no pointer into it is left. */
static inline void coursegen_arena_release(void) {
    coursegen_arena_chunk *chunk = coursegen_arena_head;
    while (chunk != NULL) {
        coursegen_arena_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    coursegen_arena_head = NULL;
}

/* Parses a document with the arena; the caller frees it with cmark_node_free, then calls
 * coursegen_arena_release. */
static inline cmark_node *coursegen_parse_in_arena(const char *buffer, size_t length, int options) {
    static cmark_mem arena = { coursegen_arena_calloc, coursegen_arena_realloc, coursegen_arena_free };
    cmark_parser *parser = cmark_parser_new_with_mem(options, &arena);
    if (parser == NULL) return NULL;
    cmark_parser_feed(parser, buffer, length);
    cmark_node *document = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return document;
}
