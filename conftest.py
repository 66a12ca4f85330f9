# The suite-wide set-up lives in tests/handbook_setup.py; loading it from the root conftest
# makes its hooks apply to the Markdown code blocks under docs/ as well as to tests/.
pytest_plugins = ["tests.handbook_setup"]
