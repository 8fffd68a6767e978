-- One database per subgraph that uses Postgres.
CREATE DATABASE users;
CREATE DATABASE catalog;
CREATE DATABASE orders;
CREATE DATABASE shipping;
