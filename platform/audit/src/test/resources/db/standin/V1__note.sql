create table note (id varchar(100) primary key, body varchar(100) not null);
