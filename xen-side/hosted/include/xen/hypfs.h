/*
 * Hosted shim: the part of Xen's hypfs (xen/hypfs.h) support_hypfs.c
 * uses.  Nodes are added to a tree of directories and leaves as Xen's
 * are; hosted_hypfs_read() (hosted/hypfs.c) finds a node by path and
 * reads it through its own read callback, as do_hypfs_op() would.
 */
#ifndef HOSTED_XEN_HYPFS_H
#define HOSTED_XEN_HYPFS_H

#include <xen/guest_access.h>
#include <xen/string.h>
#include <xen/types.h>

/* public/hypfs.h's values. */
#define XEN_HYPFS_TYPE_DIR 0
#define XEN_HYPFS_TYPE_BLOB 1
#define XEN_HYPFS_TYPE_STRING 2
#define XEN_HYPFS_ENC_PLAIN 0

/* A guest buffer of bytes (Xen: XEN_GUEST_HANDLE_PARAM(void)). */
struct hosted_handle_void {
    char *p;
};
#define XEN_GUEST_HANDLE_PARAM(t) struct hosted_handle_##t
struct hosted_handle_const_void {
    const char *p;
};

struct hypfs_entry;
struct hypfs_entry_leaf;
struct hypfs_entry_dir;

struct hypfs_funcs {
    const struct hypfs_entry *(*enter)(const struct hypfs_entry *entry);
    void (*exit)(const struct hypfs_entry *entry);
    int (*read)(const struct hypfs_entry *entry,
                XEN_GUEST_HANDLE_PARAM(void) uaddr);
    int (*write)(struct hypfs_entry_leaf *leaf,
                 XEN_GUEST_HANDLE_PARAM(const_void) uaddr, unsigned int ulen);
    unsigned int (*getsize)(const struct hypfs_entry *entry);
    struct hypfs_entry *(*findentry)(const struct hypfs_entry_dir *dir,
                                     const char *name, unsigned int name_len);
};

struct hypfs_entry {
    unsigned short type;
    unsigned short encoding;
    unsigned int size;
    unsigned int max_size;
    const char *name;
    struct hypfs_entry *parent;
    struct hypfs_entry *next; /* the shim's list of a directory's nodes */
    const struct hypfs_funcs *funcs;
};

struct hypfs_entry_leaf {
    struct hypfs_entry e;
    union {
        const void *content;
        void *write_ptr;
    } u;
};

struct hypfs_entry_dir {
    struct hypfs_entry e;
    struct hypfs_entry *first;
};

extern const struct hypfs_funcs hypfs_dir_funcs;
extern const struct hypfs_funcs hypfs_leaf_ro_funcs;
extern struct hypfs_entry_dir hypfs_root;

#define HYPFS_DIR_INIT(var, nam)                                               \
    struct hypfs_entry_dir var = {                                             \
        .e.type = XEN_HYPFS_TYPE_DIR,                                          \
        .e.encoding = XEN_HYPFS_ENC_PLAIN,                                     \
        .e.name = (nam),                                                       \
        .e.funcs = &hypfs_dir_funcs,                                           \
    }
#define HYPFS_VARSIZE_INIT(var, typ, nam, msz, fn)                             \
    struct hypfs_entry_leaf var = {                                            \
        .e.type = (typ),                                                       \
        .e.encoding = XEN_HYPFS_ENC_PLAIN,                                     \
        .e.name = (nam),                                                       \
        .e.max_size = (msz),                                                   \
        .e.funcs = (fn),                                                       \
    }
#define HYPFS_STRING_INIT(var, nam)                                            \
    HYPFS_VARSIZE_INIT(var, XEN_HYPFS_TYPE_STRING, nam, 0, &hypfs_leaf_ro_funcs)

static inline void hypfs_string_set_reference(struct hypfs_entry_leaf *leaf,
                                              const char *str)
{
    leaf->u.content = str;
    leaf->e.size = strlen(str) + 1;
}

int hypfs_add_dir(struct hypfs_entry_dir *parent, struct hypfs_entry_dir *dir,
                  bool nofault);
int hypfs_add_leaf(struct hypfs_entry_dir *parent,
                   struct hypfs_entry_leaf *leaf, bool nofault);
const struct hypfs_entry *hypfs_node_enter(const struct hypfs_entry *entry);
void hypfs_node_exit(const struct hypfs_entry *entry);
int hypfs_read_leaf(const struct hypfs_entry *entry,
                    XEN_GUEST_HANDLE_PARAM(void) uaddr);
int hypfs_write_deny(struct hypfs_entry_leaf *leaf,
                     XEN_GUEST_HANDLE_PARAM(const_void) uaddr,
                     unsigned int ulen);
unsigned int hypfs_getsize(const struct hypfs_entry *entry);
struct hypfs_entry *hypfs_leaf_findentry(const struct hypfs_entry_dir *dir,
                                         const char *name,
                                         unsigned int name_len);

/*
 * The shim's hypercall: the node at path ("/support/table"): its type
 * and its content read by its read callback into a malloc()ed *buf of
 * *size bytes.  0, or -ENOENT (no such node) / the callback's error.
 * hosted_hypfs_reset() empties the tree (initcalls add nodes again).
 */
int hosted_hypfs_read(const char *path, unsigned int *type, void **buf,
                      size_t *size);
/* The content pointer of the leaf at path, or NULL. */
const void *hosted_hypfs_content(const char *path);
void hosted_hypfs_reset(void);

#endif
