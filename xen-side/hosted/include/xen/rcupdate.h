/*
 * Hosted shim: RCU.  The tests run one thread, so a read-side section is
 * a depth count the tests check for balance, and call_rcu() frees at once
 * (no reader of the old data can remain).
 */
#ifndef HOSTED_XEN_RCUPDATE_H
#define HOSTED_XEN_RCUPDATE_H

struct rcu_head {
    void (*func)(struct rcu_head *head);
};

typedef struct {
    int depth;
} rcu_read_lock_t;

#define DEFINE_RCU_READ_LOCK(x) rcu_read_lock_t x

#define rcu_read_lock(l) ((void)((l)->depth++))
#define rcu_read_unlock(l) ((void)((l)->depth--))
#define rcu_dereference(p) (p)
#define rcu_assign_pointer(p, v) ((p) = (v))

static inline void call_rcu(struct rcu_head *head,
                            void (*func)(struct rcu_head *head))
{
    head->func = func;
    func(head);
}

#endif
