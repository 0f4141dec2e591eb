-- The Danish name key (…_directory_search_in_sql) as one expression, so PostgreSQL inlines it
-- instead of calling a SQL function with a subquery for every centre a name-ordered walk reads
-- (about 6 µs against 1.5 µs per name on PostgreSQL 15). The same text in, the same key out:
-- "Centre_name_key_idx" stays valid. Not STRICT (inlining needs that); a NULL name gives NULL
-- either way.
CREATE OR REPLACE FUNCTION directory_name_key(name text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT
    translate(replace(replace(replace(name, 'AA', chr(2)), 'Aa', chr(3)), 'aa', chr(4)),
              'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÆØÅæøåÄÖÜäöüÉÈÁÀÍÓÚÝéèáàíóúý' || chr(2) || chr(3) || chr(4) || '-',
              'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz{|}{|}{|y{|yeeaaiouyeeaaiouy' || '}}}' || '!')
    || chr(1) ||
    translate(replace(replace(replace(name, 'AA', chr(2)), 'Aa', chr(3)), 'aa', chr(4)),
              'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÆØÅæøåÄÖÜäöüÉÈÁÀÍÓÚÝéèáàíóúý' || chr(2) || chr(3) || chr(4),
              '00000000000000000000000000000000000000000000000000000000001111111212111112121111' || '000')
    || chr(1) ||
    translate(replace(replace(replace(name, 'AA', chr(2)), 'Aa', chr(3)), 'aa', chr(4)),
              'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÆØÅæøåÄÖÜäöüÉÈÁÀÍÓÚÝéèáàíóúý' || chr(2) || chr(3) || chr(4),
              '00000000000000000000000000333333333333333333333333330003330003330000000033333333' || '124')
$$;
