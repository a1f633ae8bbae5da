/** Okabe–Ito: a palette people with the common colour-vision deficiencies can tell apart. */
export const OKABE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#8C8C8C',
  black: '#000000',
};

/** Okabe–Ito's vermillion darkened for text (5.5:1 on white, 4.9:1 on the layout grey; WCAG 2.1 AA). */
export const WARN_TEXT = '#b34700';
