import { QR_QUIET_MODULES } from './qrCode.ts';

export interface QrCodeProps {
  size: number;
  path: string;
  label: string;
  className?: string;
}

/**
 * The code drawn black on white whatever the theme (scanners expect dark modules on a light
 * ground), with its quiet zone, scaled to whatever box CSS gives it.
 */
export function QrCode({ size, path, label, className }: QrCodeProps) {
  const q = QR_QUIET_MODULES;
  const side = size + 2 * q;
  return (
    <svg
      className={className}
      viewBox={`${-q} ${-q} ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-modules={size}
    >
      <rect x={-q} y={-q} width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
