// Messages of the insights screens. Danish is the source of truth; English must have the same keys.
// Prefix every key with "insights." so catalogues of different features never collide.
export const insightsDa = {
};

export const insightsEn: Record<keyof typeof insightsDa, string> = {
};
