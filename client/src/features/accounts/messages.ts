// Messages of the accounts screens. Danish is the source of truth; English must have the same keys.
// Prefix every key with "accounts." so catalogues of different features never collide.
export const accountsDa = {
};

export const accountsEn: Record<keyof typeof accountsDa, string> = {
};
