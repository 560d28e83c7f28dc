/**
 * A Flow module, as React Native writes them.
 *
 * @flow strict-local
 * @format
 */

import type {Node} from 'react';
import * as React from 'react';

// Flow's exact objects (`{| |}`) and maybe types (`?T`) are parse errors to TSX's grammar, which costs the
// definition they are in, not the ones after it.
export type Props = $ReadOnly<{
  title: string,
  onPress?: (event: PressEvent) => mixed,
}>;

export interface Pressable {
  press(): void;
}

export enum Status {
  Active,
  Off,
}

declare module 'native-module' {
  declare function call(name: string): Promise<mixed>;
}

/** A button. */
class Button extends React.Component<Props> {
  pressed: boolean = false;

  constructor(props: Props) {
    super(props);
  }

  render(): Node {
    return <Text>{this.props.title}</Text>;
  }
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

const DEFAULT_TITLE = 'OK';
let pressCount: number = 0;

export {DEFAULT_TITLE as defaultTitle};
export default Button;
