// Messages of the handovers screens. Danish is the source of truth; English must have the same keys.
// Prefix every key with "handovers." so catalogues of different features never collide.
export const handoversDa = {
};

export const handoversEn: Record<keyof typeof handoversDa, string> = {
};
