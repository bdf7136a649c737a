"""`python -m graphkit` runs the same CLI as the `graphkit` command."""
from .cli import main

if __name__ == "__main__":
    main()
