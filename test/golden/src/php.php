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

}
