// Messages of the visits screens. Danish is the source of truth; English must have the same keys.
// Prefix every key with "visits." so catalogues of different features never collide.
export const visitsDa = {
};

export const visitsEn: Record<keyof typeof visitsDa, string> = {
};
