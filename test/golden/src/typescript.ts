/** A repository of users. */
export class UserRepo<T> extends Base implements Repo {
  private cache = new Map<string, T>();

  constructor(private readonly db: Db) {
    super();
  }

  /** Find one user. */
  async find(id: string): Promise<T | undefined> {
    return this.cache.get(id);
  }

  static create = (db: Db) => new UserRepo(db);
}

export interface Repo {
  find(id: string): Promise<unknown>;
  readonly name: string;
}

export type Id = string | number;

export enum Color {
  Red,
  Green,
}

export namespace Util {
  export function clamp(x: number, lo: number, hi: number): number {
    return Math.min(hi, Math.max(lo, x));
  }
}

export const handler = async (event: Event): Promise<void> => {
  console.log(event);
};

abstract class Shape {
  abstract area(): number;
}

export default function main(): void {}

// eslint-disable-next-line
/** The default page size. */
export const PAGE_SIZE = 20;
let cursor: string | undefined;
declare const VERSION: string;
export const isUser = ((x: unknown) => true) as (x: unknown) => x is User;
export const identity = (<T>(x: T) => x);

export class Point {
  x = 0;
  readonly y: number = 0;
  [Symbol.iterator]() {}
  ids = function* () {};
}

export type Options = { verbose: boolean };

export { clamp as limit, Util } from "./util";
export * from "./models";
export * as models from "./models";

export declare function pipe<A, B, C>(
  op1: (a: A) => B,
  op2: (b: B) => C,
): (a: A) => C;
