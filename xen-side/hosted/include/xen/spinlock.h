/* Hosted shim: spinlocks as a held-count the tests check for balance. */
#ifndef HOSTED_XEN_SPINLOCK_H
#define HOSTED_XEN_SPINLOCK_H

typedef struct {
    int held;
} spinlock_t;

#define DEFINE_SPINLOCK(l) spinlock_t l = {0}

void hosted_spin_lock(spinlock_t *l);
void hosted_spin_unlock(spinlock_t *l);
#define spin_lock(l) hosted_spin_lock(l)
#define spin_unlock(l) hosted_spin_unlock(l)
#define spin_lock_irqsave(l, f) ((f) = 0, hosted_spin_lock(l))
#define spin_unlock_irqrestore(l, f) ((void)(f), hosted_spin_unlock(l))

#endif
