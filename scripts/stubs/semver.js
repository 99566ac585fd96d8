// Stand-in for semver in the bundle. conf uses it only to run migrations given to
// it as options; tcp-trainer migrates its progress file itself (src/store/progress.ts)
// and passes none.
const unused = () => {
  throw new Error('semver is not bundled; pass no migrations to conf');
};
export default { eq: unused, clean: unused, satisfies: unused, lte: unused, gt: unused };
