/*
 * Hosted shim: hypfs (see xen/hypfs.h here): a tree of nodes added by
 * the initcalls, and a read by path through each node's callbacks, with
 * the checks do_hypfs_op() makes around them (the node exists, is a
 * leaf, its read fills what getsize says).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <xen/hypfs.h>
#include <xen/lib.h>

static int read_dir(const struct hypfs_entry *entry,
                    XEN_GUEST_HANDLE_PARAM(void) uaddr)
{
    (void)entry, (void)uaddr;
    return -EISDIR;
}

const struct hypfs_funcs hypfs_dir_funcs = {
    .enter = hypfs_node_enter,
    .exit = hypfs_node_exit,
    .read = read_dir,
    .write = hypfs_write_deny,
    .getsize = hypfs_getsize,
};

const struct hypfs_funcs hypfs_leaf_ro_funcs = {
    .enter = hypfs_node_enter,
    .exit = hypfs_node_exit,
    .read = hypfs_read_leaf,
    .write = hypfs_write_deny,
    .getsize = hypfs_getsize,
    .findentry = hypfs_leaf_findentry,
};

HYPFS_DIR_INIT(hypfs_root, "");

static void add_node(struct hypfs_entry_dir *parent, struct hypfs_entry *e)
{
    struct hypfs_entry **pp = &parent->first;

    while ( *pp )
        pp = &(*pp)->next;
    e->next = NULL;
    e->parent = &parent->e;
    *pp = e;
}

int hypfs_add_dir(struct hypfs_entry_dir *parent, struct hypfs_entry_dir *dir,
                  bool nofault)
{
    (void)nofault;
    dir->first = NULL;
    add_node(parent, &dir->e);
    return 0;
}

/* As Xen's: a leaf without content is refused, a BUG with nofault. */
int hypfs_add_leaf(struct hypfs_entry_dir *parent,
                   struct hypfs_entry_leaf *leaf, bool nofault)
{
    if ( !leaf->u.content )
    {
        if ( nofault )
            panic("Xen BUG at common/hypfs.c: leaf '%s' has no content\n",
                  leaf->e.name);
        return -EINVAL;
    }
    add_node(parent, &leaf->e);
    return 0;
}

const struct hypfs_entry *hypfs_node_enter(const struct hypfs_entry *entry)
{
    return entry;
}

void hypfs_node_exit(const struct hypfs_entry *entry)
{
    (void)entry;
}

int hypfs_read_leaf(const struct hypfs_entry *entry,
                    XEN_GUEST_HANDLE_PARAM(void) uaddr)
{
    const struct hypfs_entry_leaf *l = (const void *)entry;

    return hosted_copy_to_guest(uaddr.p, l->u.content, entry->size) ? -EFAULT
                                                                    : 0;
}

int hypfs_write_deny(struct hypfs_entry_leaf *leaf,
                     XEN_GUEST_HANDLE_PARAM(const_void) uaddr,
                     unsigned int ulen)
{
    (void)leaf, (void)uaddr, (void)ulen;
    return -EACCES;
}

unsigned int hypfs_getsize(const struct hypfs_entry *entry)
{
    return entry->size;
}

struct hypfs_entry *hypfs_leaf_findentry(const struct hypfs_entry_dir *dir,
                                         const char *name,
                                         unsigned int name_len)
{
    (void)dir, (void)name, (void)name_len;
    return NULL;
}

/* The node at path: 0 and *out, or -ENOENT. */
static int find(const char *path, const struct hypfs_entry **out)
{
    const struct hypfs_entry_dir *dir = &hypfs_root;
    const struct hypfs_entry *e = &hypfs_root.e;

    while ( *path == '/' )
    {
        size_t len = strcspn(++path, "/");

        if ( !dir )
            return -ENOENT;
        for ( e = dir->first; e; e = e->next )
            if ( strlen(e->name) == len && !memcmp(e->name, path, len) )
                break;
        if ( !e )
            return -ENOENT;
        dir = e->type == XEN_HYPFS_TYPE_DIR ? (const void *)e : NULL;
        path += len;
    }
    *out = e;
    return 0;
}

const void *hosted_hypfs_content(const char *path)
{
    const struct hypfs_entry *e;

    if ( find(path, &e) || e->type == XEN_HYPFS_TYPE_DIR )
        return NULL;
    return ((const struct hypfs_entry_leaf *)(const void *)e)->u.content;
}

int hosted_hypfs_read(const char *path, unsigned int *type, void **buf,
                      size_t *size)
{
    const struct hypfs_entry *e;
    XEN_GUEST_HANDLE_PARAM(void) h;
    unsigned int n;
    int rc;

    rc = find(path, &e);
    if ( rc )
        return rc;
    if ( e->type == XEN_HYPFS_TYPE_DIR )
        return -EISDIR;
    e = e->funcs->enter(e);
    n = e->funcs->getsize(e);
    h.p = calloc(1, n ? n : 1);
    if ( !h.p )
    {
        e->funcs->exit(e);
        return -ENOMEM;
    }
    rc = e->funcs->read(e, h);
    e->funcs->exit(e);
    if ( rc )
    {
        free(h.p);
        return rc;
    }
    *type = e->type;
    *buf = h.p;
    *size = n;
    return 0;
}

void hosted_hypfs_reset(void)
{
    hypfs_root.first = NULL;
}
