<?php
namespace App {

/** A repository. */
interface Repo {
    public function find(int $id);
}

trait Logs {
    public function log(string $m): void {}
}

class UserRepo implements Repo {
    public function __construct(private Db $db) {}

    public function find(int $id) {
        return null;
    }

    public static function make(): self {
        return new self(new Db());
    }
}

enum Suit {
    case Hearts;
}

function helper($x) {
    return $x;
}

const VERSION = "1.0";

class Settings {
    const MAX = 10;
    public int $count = 0;
    private static $cache, $other;
}

enum Level: string {
    case Low = 'l';
    case High = 'h';
}

}
