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

export function Button({ label }: { label: string }) {
  return <button>{label}</button>;
}

export const THEME = "dark";
let renders = 0;

interface ButtonProps {
  label: string;
}

enum Size { Small, Large }

export { Button as default } from "./button";
