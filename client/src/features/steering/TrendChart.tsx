// A hand-made SVG line chart of one figure month by month (no chart library: the whole chart is
// a few dozen lines, and it loads only when a trend is shown). Suppressed months are gaps in the
// line and marked "<5"; the data table beside the chart carries every number.
export interface TrendPoint {
  month: string;
  value: number | null;
  display: string;
  isSuppressed: boolean;
}

export default function TrendChart({ points, titleId, summaryId }: { points: readonly TrendPoint[]; titleId: string; summaryId: string }) {
  const width = 640;
  const height = 240;
  const left = 48;
  const bottom = 36;
  const top = 16;
  const max = Math.max(1, ...points.map((point) => point.value ?? 0));
  const step = points.length > 1 ? (width - left - 16) / (points.length - 1) : 0;
  const x = (index: number) => left + index * step;
  const y = (value: number) => top + (height - top - bottom) * (1 - value / max);
  // Line segments only between consecutive shown months: a suppressed month breaks the line.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current.length > 1) segments.push(current.join(" "));
      current = [];
    } else {
      current.push(`${x(index)},${y(point.value)}`);
    }
  });
  if (current.length > 1) segments.push(current.join(" "));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${summaryId}`} className="trend-chart">
      <line x1={left} y1={y(0)} x2={width - 8} y2={y(0)} className="trend-chart__axis" />
      <text x={left - 6} y={y(max) + 4} textAnchor="end" className="trend-chart__label">
        {Number.isInteger(max) ? max : max.toFixed(1)}
      </text>
      <text x={left - 6} y={y(0) + 4} textAnchor="end" className="trend-chart__label">
        0
      </text>
      {segments.map((segment) => (
        <polyline key={segment} points={segment} className="trend-chart__line" />
      ))}
      {points.map((point, index) => (
        <g key={point.month}>
          {point.value !== null ? (
            <circle cx={x(index)} cy={y(point.value)} r={4} className="trend-chart__point" />
          ) : (
            point.isSuppressed && (
              <text x={x(index)} y={y(0) - 6} textAnchor="middle" className="trend-chart__label">
                {"<5"}
              </text>
            )
          )}
          {(points.length <= 12 || index % 2 === 0) && (
            <text x={x(index)} y={height - 12} textAnchor="middle" className="trend-chart__label">
              {point.month.slice(2)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
