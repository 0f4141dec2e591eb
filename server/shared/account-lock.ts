// How long too many wrong passwords lock an account. Shared because two modules need it: the
// accounts module sets the lock, and the notifications module tells the owner for how long.
export const ACCOUNT_LOCK_MINUTES = 15;
