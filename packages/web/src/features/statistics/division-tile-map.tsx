import { Flex, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { HUNAN_TILES, MAP_COLUMNS, MAP_ROWS, shadeStep } from './division-tiles';

// Light to dark: the first step is for 0.
const SHADES = ['#f0f5ff', '#d6e4ff', '#adc6ff', '#85a5ff', '#597ef7', '#2f54eb'];
const TILE = 76;
const GAP = 6;

export type TileFigure = { code: string; name: string; value: number; display: string; href: string };

/**
 * 湖南省 as 14 tiles laid out roughly like the province, each shaded by its figure and a link
 * into the list behind it. Divisions without a figure (another city's, for a city) stay grey.
 */
export function DivisionTileMap({ figures, ownCode }: { figures: readonly TileFigure[]; ownCode?: string }) {
  const byCode = new Map(figures.map((f) => [f.code, f]));
  const max = Math.max(0, ...figures.map((f) => f.value));
  return (
    <Flex gap={24} align="flex-start" wrap>
      <div
        data-testid="division-map"
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${MAP_COLUMNS}, ${TILE}px)`,
          gridTemplateRows: `repeat(${MAP_ROWS}, ${TILE}px)`,
          gap: GAP,
        }}
      >
        {HUNAN_TILES.map((tile) => {
          const figure = byCode.get(tile.code);
          const step = figure ? shadeStep(figure.value, max, SHADES.length) : 0;
          const style = {
            gridColumn: tile.column + 1,
            gridRow: tile.row + 1,
            display: 'flex',
            flexDirection: 'column' as const,
            alignItems: 'center',
            justifyContent: 'center',
            borderRadius: 6,
            background: figure ? SHADES[step] : '#f5f5f5',
            color: step >= 4 ? '#fff' : 'rgba(0,0,0,0.88)',
            border: tile.code === ownCode ? '2px solid #fa8c16' : '1px solid #d9d9d9',
            textAlign: 'center' as const,
            lineHeight: 1.3,
          };
          if (!figure)
            return (
              <div key={tile.code} style={{ ...style, color: 'rgba(0,0,0,0.25)' }}>
                {tile.shortName}
              </div>
            );
          return (
            <Tooltip key={tile.code} title={`${figure.name}：${figure.display}`}>
              <Link to={figure.href} style={style} data-testid={`division-tile-${tile.code}`}>
                <span style={{ fontWeight: 600 }}>{tile.shortName}</span>
                <span style={{ fontSize: 12 }}>{figure.display}</span>
              </Link>
            </Tooltip>
          );
        })}
      </div>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">图例</Typography.Text>
        {SHADES.map((shade, i) => (
          <Flex key={shade} align="center" gap={8}>
            <span
              style={{
                width: 16,
                height: 16,
                background: shade,
                border: '1px solid #d9d9d9',
                borderRadius: 3,
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i === 0 ? '无' : i === SHADES.length - 1 ? '最多' : ''}
            </Typography.Text>
          </Flex>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 160 }}>
          示意图，按各市州大致方位排列，不表示行政区域界线。
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
